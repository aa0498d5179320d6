import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { createComment } from "@/lib/posts/create-comment";
import { listComments } from "@/lib/posts/list-comments";
import {
  ZCommentSchema,
  ZCreateCommentBodySchema,
  ZPostIdParamsSchema,
} from "@/lib/posts/posts.types";

// GET /api/posts/{id}/comments – a post's comments, oldest first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/{id}/comments",
    operationId: "listComments",
    summary: "A post's comments",
    description:
      "Top-level comments, oldest first; replies come from `GET /api/comments/{id}/replies`. A deleted comment with replies stays as a placeholder (`deleted`). Signed in, each says whether you may delete it.",
    tags: ["Comments"],
    auth: "optional",
    params: ZPostIdParamsSchema,
    query: ZPageQuerySchema,
    response: pageSchema(ZCommentSchema),
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listComments(params.id, query, viewer?.userId),
);

// POST /api/posts/{id}/comments – comment on a post, or reply to one of its comments
export const POST = route(
  {
    method: "POST",
    path: "/api/posts/{id}/comments",
    operationId: "createComment",
    summary: "Comment on a post, or reply to a comment",
    description:
      "With `parentId`, a reply: its parent's author is notified. A reply to a reply is filed under the same top-level comment.",
    tags: ["Comments"],
    auth: "required",
    params: ZPostIdParamsSchema,
    body: ZCreateCommentBodySchema,
    bodyExample: { text: "Worth the early start." },
    response: ZCommentSchema,
    status: 201,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, body, viewer }) => createComment(params.id, viewer.userId, body),
);
