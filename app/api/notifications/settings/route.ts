import { route } from "@/lib/api/route";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import {
  ZNotificationSettingsSchema,
  ZUpdateNotificationSettingsBodySchema,
} from "@/lib/notifications/notifications.types";
import { updateNotificationSettings } from "@/lib/notifications/update-notification-settings";

// GET /api/notifications/settings – the kinds of notification the viewer muted, and of email
export const GET = route(
  {
    method: "GET",
    path: "/api/notifications/settings",
    operationId: "getNotificationSettings",
    summary: "Your notification settings",
    tags: ["Notifications"],
    auth: "required",
    response: ZNotificationSettingsSchema,
  },
  async ({ viewer }) => getNotificationSettings(viewer.userId),
);

// PUT /api/notifications/settings – replace the muted kinds, switch email kinds on or off
export const PUT = route(
  {
    method: "PUT",
    path: "/api/notifications/settings",
    operationId: "updateNotificationSettings",
    summary: "Change your notification settings",
    description:
      "Muted kinds are not notified from now on. Mutable: `new_post`, `like`, `comment`, `follow`, `mention`, `payment_received` (welcomes and purchase receipts always arrive). `emailKinds` switches the kinds of email it names on or off and leaves the rest; money mail is on and social mail off until changed, and account and security mail is always sent. Either field may be left out.",
    tags: ["Notifications"],
    auth: "required",
    body: ZUpdateNotificationSettingsBodySchema,
    bodyExample: { mutedKinds: ["like", "repost"], emailKinds: { new_follower: true } },
    response: ZNotificationSettingsSchema,
  },
  async ({ body, viewer }) => updateNotificationSettings(viewer.userId, body),
);
