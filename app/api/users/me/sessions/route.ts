import { route } from "@/lib/api/route";
import { ZSessionListSchema } from "@/lib/account/account.types";
import { listSessions } from "@/lib/account/list-sessions";

// GET /api/users/me/sessions – your active sessions and API tokens
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me/sessions",
    operationId: "listSessions",
    summary: "Your active sessions",
    description:
      "Web sign-ins and API tokens that are neither revoked nor expired, most recently used first; `current` marks the one making this request.",
    tags: ["Account"],
    auth: "required",
    response: ZSessionListSchema,
  },
  async ({ viewer }) => ({ items: await listSessions(viewer.userId, viewer.sessionId) }),
);
