import { z } from "zod";
import { route } from "@/lib/api/route";
import { deleteComment } from "@/lib/posts/delete-comment";

const ZCommentIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

// DELETE /api/comments/{id} – delete a comment (yours, or one on your post)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/comments/{id}",
    operationId: "deleteComment",
    summary: "Delete a comment",
    description: "Allowed for the comment's author and for the author of the post it is on.",
    tags: ["Comments"],
    auth: "required",
    params: ZCommentIdParamsSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => deleteComment(params.id, viewer.userId),
);
