import "server-only";
import { encodeCursor, keyset, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db, Prisma, queryRows } from "@/lib/db";
import { mediaUrl } from "@/lib/media/to-media";
import { boughtSql, textShown } from "@/lib/payments/paid-post";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { describeNotification } from "./describe-notification";
import { distinctActors, groupNotifications, type NotificationGroup } from "./group-notifications";
import type { TNotification, TNotificationActor, TNotificationKind } from "./notifications.types";

// A page reads up to this many notifications per item asked for (and never more than
// MAX_SCAN), so grouping can fill the page without a query per group.
const SCAN_PER_ITEM = 5;
const MAX_SCAN = 500;
const ACTORS_SHOWN = 3;
const EXCERPT_LENGTH = 100;

const ACTOR_SELECT = {
  id: true,
  username: true,
  displayName: true,
  avatarId: true,
  avatar: { select: { thumbnailKey: true } },
} as const;

export const ROW_SELECT = {
  id: true,
  kind: true,
  actorId: true,
  postId: true,
  data: true,
  createdAt: true,
  readAt: true,
} as const;

/**
 * Notifications with no actor (welcome, export ready) or whose actor the viewer may see: an actor
 * blocked either way, suspended or deleted leaves the list and the unread count, in the same
 * statement. Muted actors stay (a mute quiets posts, and a tip from one still arrives).
 */
export function fromVisibleActors(viewerId: string) {
  return {
    OR: [{ actorId: null }, { actor: visibleAuthorWhere(viewerId, { includeMuted: true }) }],
  };
}

/**
 * The viewer's notifications, newest first, grouped (group-notifications.ts): a page holds up to
 * `limit` items, each one notification or a run of likes of one post or of follows. Keyset-
 * paged on (createdAt, id), which the Notification index serves; the cursor is scoped to the
 * viewer. Actors and posts for the whole page come in two queries.
 */
export async function listNotifications(
  viewerId: string,
  page: TPageQuery,
): Promise<Page<TNotification>> {
  const scope = `notifications:${viewerId}`;
  const keys = keyset(page.cursor, scope);
  const scan = Math.min(page.limit * SCAN_PER_ITEM, MAX_SCAN);
  const rows = await db.notification.findMany({
    // AND: both parts are ORs, which spreading would let one overwrite.
    where: { recipientId: viewerId, AND: [keys.where, fromVisibleActors(viewerId)] },
    orderBy: keys.orderBy,
    take: scan + 1,
    select: ROW_SELECT,
  });
  const { groups, consumed } = groupNotifications(rows.slice(0, scan), page.limit);

  const items = await toItems(viewerId, groups);

  const last = rows[consumed - 1];
  return {
    items,
    nextCursor: consumed < rows.length && last ? encodeCursor(scope, keys.positionOf(last)) : null,
  };
}

/**
 * Page items for `groups` of the viewer's notification rows, actors and posts for all of them in
 * two queries. Also builds the one item a live stream sends (lib/streaming/to-user-event.ts).
 */
export async function toItems(
  viewerId: string,
  groups: NotificationGroup<Row>[],
): Promise<TNotification[]> {
  const actorIds = new Set(groups.flatMap((g) => distinctActors(g.rows).slice(0, ACTORS_SHOWN)));
  const postIds = new Set(groups.flatMap((g) => (g.rows[0]?.postId ? [g.rows[0].postId] : [])));
  const [actors, posts] = await Promise.all([
    actorIds.size
      ? db.user.findMany({
          where: { id: { in: [...actorIds] } },
          select: ACTOR_SELECT,
        })
      : [],
    // SQL, so whether the viewer bought each post comes in the same statement.
    postIds.size
      ? queryRows<NotifiedPost>(Prisma.sql`
          SELECT p.id, p.text, p."authorId", p."priceAmount", p."priceCurrency",
            ${boughtSql(viewerId, Prisma.raw("p.id"))} AS bought
          FROM "Post" p WHERE p.id IN (${Prisma.join([...postIds])})`)
      : [],
  ]);
  const actorsById = new Map(
    actors.map(({ avatar, ...actor }) => [
      actor.id,
      { ...actor, avatarUrl: mediaUrl(avatar?.thumbnailKey) },
    ]),
  );
  // A paid post's text is what people pay for: only its author and buyers see more than the
  // preview.
  const postsById = new Map(
    posts.map((p) => [p.id, { id: p.id, text: textShown(p, p.bought, viewerId) }]),
  );

  return groups.map((group) => toItem(group, actorsById, postsById));
}

type NotifiedPost = {
  id: string;
  text: string;
  authorId: string;
  priceAmount: number | null;
  priceCurrency: string | null;
  bought: boolean;
};

type Row = Awaited<ReturnType<typeof db.notification.findMany<{ select: typeof ROW_SELECT }>>>[0];

function toItem(
  group: NotificationGroup<Row>,
  actorsById: Map<string, TNotificationActor>,
  postsById: Map<string, { id: string; text: string }>,
): TNotification {
  const newest = group.rows[0]!;
  const actorIds = distinctActors(group.rows);
  const actors = actorIds
    .slice(0, ACTORS_SHOWN)
    .flatMap((id) => (actorsById.has(id) ? [actorsById.get(id)!] : []));
  const post = newest.postId ? postsById.get(newest.postId) : undefined;
  const data = (newest.data ?? {}) as Record<string, unknown>;
  const kind = newest.kind as TNotificationKind;
  return {
    id: newest.id,
    ids: group.rows.map((r) => r.id),
    kind,
    count: group.rows.length,
    actors,
    actorCount: actorIds.length,
    post: post ? { id: post.id, excerpt: post.text.slice(0, EXCERPT_LENGTH) } : null,
    data,
    summary: describeNotification({ kind, actors, actorCount: actorIds.length, data }),
    createdAt: newest.createdAt.toISOString(),
    read: group.rows.every((r) => r.readAt !== null),
  };
}
