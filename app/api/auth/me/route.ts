import { route } from "@/lib/api/route";
import { getCurrentUser } from "@/lib/users/get-current-user";
import { ZCurrentUserSchema } from "@/lib/users/users.types";

// GET /api/auth/me – the signed-in user (cookie or bearer token)
export const GET = route(
  {
    method: "GET",
    path: "/api/auth/me",
    operationId: "getSignedInUser",
    summary: "The signed-in user",
    tags: ["Auth"],
    auth: "required",
    response: ZCurrentUserSchema,
  },
  async ({ viewer }) => getCurrentUser(viewer.userId),
);
