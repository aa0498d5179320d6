import { route } from "@/lib/api/route";
import { deleteMedia } from "@/lib/media/delete-media";
import { ZMediaIdParamsSchema } from "@/lib/media/media.types";

// DELETE /api/media/{id} – delete your media and its files
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/media/{id}",
    operationId: "deleteMedia",
    summary: "Delete your media",
    description:
      "Only the uploader can. Media attached to a post goes with the post (409 here); an avatar or banner using it is cleared.",
    tags: ["Media"],
    auth: "required",
    params: ZMediaIdParamsSchema,
    errors: ["not_found", "forbidden", "conflict"],
  },
  async ({ params, viewer }) => deleteMedia(params.id, viewer.userId),
);
