import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listBlockedOrMuted } from "@/lib/safety/list-blocked-or-muted";
import { ZUserSummarySchema } from "@/lib/users/users.types";

// GET /api/users/me/mutes – the accounts you mute, most recent first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me/mutes",
    operationId: "listMutedUsers",
    summary: "Accounts you mute",
    tags: ["Safety"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZUserSummarySchema),
    errors: ["invalid_cursor"],
  },
  async ({ query, viewer }) => listBlockedOrMuted("mutes", viewer.userId, query),
);
