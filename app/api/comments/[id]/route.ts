import { route } from "@/lib/api/route";
import { deleteComment } from "@/lib/posts/delete-comment";
import { ZCommentIdParamsSchema } from "@/lib/posts/posts.types";

// DELETE /api/comments/{id} – delete a comment (yours, or one on your post)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/comments/{id}",
    operationId: "deleteComment",
    summary: "Delete a comment",
    description:
      'Allowed for the comment\'s author and for the author of the post it is on. A comment with replies stays as a "[deleted]" placeholder (no text, no author) above them.',
    tags: ["Comments"],
    auth: "required",
    params: ZCommentIdParamsSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => deleteComment(params.id, viewer.userId),
);
