import { route } from "@/lib/api/route";
import { deleteMedia } from "@/lib/media/delete-media";
import {
  ZMediaAltSchema,
  ZMediaIdParamsSchema,
  ZUpdateMediaBodySchema,
} from "@/lib/media/media.types";
import { updateMediaAlt } from "@/lib/media/update-media-alt";

// PATCH /api/media/{id} – set the alt text of your media
export const PATCH = route(
  {
    method: "PATCH",
    path: "/api/media/{id}",
    operationId: "updateMedia",
    summary: "Set your media's alt text",
    description:
      "Only the uploader can. Works before and after the media is attached to a post; an empty `alt` clears it.",
    tags: ["Media"],
    auth: "required",
    params: ZMediaIdParamsSchema,
    body: ZUpdateMediaBodySchema,
    bodyExample: { alt: "A red bicycle leaning on a blue door." },
    response: ZMediaAltSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, body, viewer }) => updateMediaAlt(params.id, viewer.userId, body.alt),
);

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
