import { z } from "zod";
import { route } from "@/lib/api/route";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { ZMarkNotificationsReadBodySchema } from "@/lib/notifications/notifications.types";

const ZMarkReadResultSchema = z
  .object({
    updated: z.int().meta({ description: "Notifications that were unread and now are read." }),
    unread: z.int().meta({ description: "Unread notifications left (up to 999)." }),
  })
  .meta({ id: "MarkNotificationsReadResult" });

// POST /api/notifications/read – mark some, all, or all up to one notification read
export const POST = route(
  {
    method: "POST",
    path: "/api/notifications/read",
    operationId: "markNotificationsRead",
    summary: "Mark notifications read",
    description:
      '`{ "ids": [...] }` (an item\'s `ids` mark the whole group), `{ "upTo": "<id>" }` (that notification and every older one: send the newest one shown, so what arrives later stays unread) or `{ "all": true }`. Ids that aren\'t yours, or are read already, are ignored.',
    tags: ["Notifications"],
    auth: "required",
    body: ZMarkNotificationsReadBodySchema,
    bodyExample: { all: true },
    response: ZMarkReadResultSchema,
  },
  async ({ body, viewer }) => markNotificationsRead(viewer.userId, body),
);
