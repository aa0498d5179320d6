import { route } from "@/lib/api/route";
import { updateProfile } from "@/lib/users/update-profile";
import { ZCurrentUserSchema, ZUpdateProfileBodySchema } from "@/lib/users/users.types";

// PUT /api/users/profile – update the signed-in user's profile
export const PUT = route(
  {
    method: "PUT",
    path: "/api/users/profile",
    operationId: "updateProfile",
    summary: "Update your profile",
    description:
      "Fields left out are unchanged; null (or an empty string) clears an optional field.",
    tags: ["Users"],
    auth: "required",
    body: ZUpdateProfileBodySchema,
    bodyExample: {
      displayName: "Ada Lovelace",
      bio: "Notes on engines, analytical and otherwise.",
      website: "https://example.com",
    },
    response: ZCurrentUserSchema,
    errors: ["conflict", "unprocessable"],
  },
  async ({ body, viewer }) => updateProfile(viewer.userId, body),
);
