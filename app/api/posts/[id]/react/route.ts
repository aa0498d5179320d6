import { z } from "zod";
import { route } from "@/lib/api/route";
import { addReaction } from "@/lib/posts/add-reaction";
import { ZPostIdParamsSchema, ZPostSchema, ZReactionEmojiSchema } from "@/lib/posts/posts.types";
import { removeReaction } from "@/lib/posts/remove-reaction";

const ZReactionBodySchema = z
  .strictObject({ emoji: ZReactionEmojiSchema })
  .meta({ id: "ReactionRequest" });

const ZReactionQuerySchema = z.object({
  emoji: ZReactionEmojiSchema.meta({ description: "The emoji to remove, URL-encoded." }),
});

// POST /api/posts/{id}/react – add an emoji reaction (idempotent per emoji)
export const POST = route(
  {
    method: "POST",
    path: "/api/posts/{id}/react",
    operationId: "reactToPost",
    summary: "React to a post",
    description:
      "A viewer may add several different emoji to a post, each once; adding one again changes nothing. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    body: ZReactionBodySchema,
    bodyExample: { emoji: "🔥" },
    response: ZPostSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, body, viewer }) => addReaction(params.id, viewer.userId, body.emoji),
);

// DELETE /api/posts/{id}/react?emoji= – remove one of your reactions (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/posts/{id}/react",
    operationId: "removeReaction",
    summary: "Remove a reaction",
    description: "The emoji goes in the query string, URL-encoded. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    query: ZReactionQuerySchema,
    response: ZPostSchema,
    errors: ["not_found"],
  },
  async ({ params, query, viewer }) => removeReaction(params.id, viewer.userId, query.emoji),
);
