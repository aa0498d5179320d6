// No `server-only`: the notifications page links each item with this, in the browser.
import type { TNotification } from "./notifications.types";

type Item = Pick<TNotification, "kind" | "actors" | "actorCount" | "post">;

/**
 * Where one tap on a notification leads: what it is about. One case per kind, and the `never`
 * in the default makes a new kind a type error here until it is given its place.
 */
export function notificationHref(item: Item, viewerUsername: string | undefined): string {
  const actor = item.actors[0];
  const post = item.post ? `/p/${item.post.id}` : null;
  const actorProfile = actor ? `/u/${actor.username}` : null;
  const kind = item.kind;
  switch (kind) {
    case "welcome":
      // The welcome asks them to fill in their profile.
      return "/settings/profile";
    case "export_ready":
      return "/settings/account";
    case "follow":
      // A group of follows opens the whole list, one follow the follower.
      if (item.actorCount > 1 && viewerUsername) return `/u/${viewerUsername}/followers`;
      return actorProfile ?? "/notifications";
    case "new_post":
    case "like":
    case "comment":
    case "reply":
    case "mention":
    case "repost":
    // A quote's post is the quoting post, which is what there is to read.
    case "quote":
      // The post may have been deleted since: then the person, if they are still there.
      return post ?? actorProfile ?? "/notifications";
    case "payment_received":
      // Money: the earnings page, where it is counted (the post is a detail of it).
      return "/earnings";
    case "purchase_receipt":
      // What was bought, to read it; the purchases list when the post is gone.
      return post ?? "/purchases";
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
