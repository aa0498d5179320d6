import { route } from "@/lib/api/route";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { ZUnreadCountSchema } from "@/lib/notifications/notifications.types";

// GET /api/notifications/unread-count – for the bell
export const GET = route(
  {
    method: "GET",
    path: "/api/notifications/unread-count",
    operationId: "countUnreadNotifications",
    summary: "Unread notifications count",
    description: "Counted up to 999. Cheap enough to poll (the web UI asks every 15 seconds).",
    tags: ["Notifications"],
    auth: "required",
    response: ZUnreadCountSchema,
  },
  async ({ viewer }) => ({ count: await countUnreadNotifications(viewer.userId) }),
);
