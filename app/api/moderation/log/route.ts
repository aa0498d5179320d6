import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listModerationLog } from "@/lib/moderation/list-moderation-log";
import { ZModerationActionSchema } from "@/lib/moderation/moderation.types";
import { requireModerator } from "@/lib/moderation/require-moderator";

// GET /api/moderation/log – every moderation action, newest first (moderators)
export const GET = route(
  {
    method: "GET",
    path: "/api/moderation/log",
    operationId: "listModerationLog",
    summary: "The moderation log",
    description: "Who did what, to which target, why and when; newest first. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZModerationActionSchema),
    errors: ["forbidden", "invalid_cursor"],
  },
  async ({ query, viewer }) => {
    requireModerator(viewer);
    return listModerationLog(query.cursor, query.limit);
  },
);
