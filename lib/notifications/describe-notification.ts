import { formatMoney } from "@/lib/payments/format-money";
import type { TNotificationActor, TNotificationKind } from "./notifications.types";

// One sentence for a notification item, used as its `summary` in the API (for clients that just
// show text) and by the web UI. No "server-only": the browser uses it too.

function who(actors: TNotificationActor[], actorCount: number): string {
  const [first, second] = actors;
  if (!first) return "Someone";
  if (actorCount === 1) return first.displayName;
  if (actorCount === 2 && second) return `${first.displayName} and ${second.displayName}`;
  const others = actorCount - 1;
  return `${first.displayName} and ${others} ${others === 1 ? "other" : "others"}`;
}

export function describeNotification({
  kind,
  actors,
  actorCount,
  data,
}: {
  kind: TNotificationKind;
  actors: TNotificationActor[];
  actorCount: number;
  data: Record<string, unknown>;
}): string {
  const name = who(actors, actorCount);
  const money =
    typeof data.amount === "number" && typeof data.currency === "string"
      ? formatMoney(data.amount, data.currency)
      : "a payment";
  const tip = data.paymentKind === "tip";
  switch (kind) {
    case "welcome":
      return "Welcome to Grover! Follow a few people to fill your feed.";
    case "new_post":
      return `${name} published a new post`;
    case "like":
      return `${name} liked your post`;
    case "comment":
      return `${name} commented on your post`;
    case "reply":
      return `${name} replied to your comment`;
    case "repost":
      return `${name} reposted your post`;
    case "quote":
      return `${name} quoted your post`;
    case "follow":
      return `${name} followed you`;
    case "mention":
      return `${name} mentioned you in ${data.commentId ? "a comment" : "a post"}`;
    case "payment_received":
      return tip ? `${name} sent you a tip of ${money}` : `${name} bought your post for ${money}`;
    case "purchase_receipt":
      return tip
        ? `Receipt: you tipped ${name} ${money}`
        : `Receipt: you bought a post by ${name} for ${money}`;
    case "export_ready":
      return "Your data export is ready to download.";
  }
}
