import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { ZNotificationSchema } from "@/lib/notifications/notifications.types";

// GET /api/notifications – the viewer's notifications, newest first, grouped
export const GET = route(
  {
    method: "GET",
    path: "/api/notifications",
    operationId: "listNotifications",
    summary: "Your notifications",
    description:
      "Newest first. Consecutive likes of the same post, and consecutive follows, are grouped into one item (`count`, `actors`, `ids`), decided per page: a group is never longer than the page it is on, and a run cut by a page boundary continues as an item on the next page. `limit` counts items.",
    tags: ["Notifications"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZNotificationSchema),
    errors: ["invalid_cursor"],
  },
  async ({ query, viewer }) => listNotifications(viewer.userId, query),
);
