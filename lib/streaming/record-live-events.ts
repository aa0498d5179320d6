import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import { currentLiveScope } from "./live-transaction";
import { LIVE_CHANNEL, liveTransport } from "./live-transport";
import type { NewLiveEvent } from "./streaming.types";

// A NOTIFY payload holds under 8000 bytes: 400 ids of up to 19 digits and a comma fit.
const CHUNK = 400;

/**
 * Writes live events inside the caller's transaction (run it through liveTransaction), and with
 * PostgreSQL NOTIFYs their ids in the same statement: the notification goes out when, and only
 * if, the transaction commits. One statement per 400 events, so a post costs one more.
 */
export async function recordLiveEvents(tx: Tx, events: NewLiveEvent[]): Promise<void> {
  const scope = currentLiveScope();
  const notify = liveTransport() === "notify";
  for (let start = 0; start < events.length; start += CHUNK) {
    const rows = events.slice(start, start + CHUNK).map(toRow);
    const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key]);
    // One statement: the rows, and with PostgreSQL the NOTIFY of their ids (sent on commit).
    const notified = notify
      ? Prisma.sql`SELECT x.ids, pg_notify(${LIVE_CHANNEL}, x.ids) AS n FROM x`
      : Prisma.sql`SELECT x.ids FROM x`;
    const [{ ids }] = await tx.$queryRaw<[{ ids: string }]>`
      WITH e AS (
        INSERT INTO "LiveEvent"
          (kind, "recipientId", "authorId", "postId", "reposterId", payload, "createdAt")
        -- timestamp columns hold UTC, whatever the session's time zone (lib/db.ts).
        SELECT u.*, now() AT TIME ZONE 'UTC'
        FROM unnest(${column("kind")}::text[], ${column("recipientId")}::text[],
          ${column("authorId")}::text[], ${column("postId")}::text[],
          ${column("reposterId")}::text[], ${column("payload")}::jsonb[]) AS u
        RETURNING id
      ),
      x AS (SELECT string_agg(id::text, ',' ORDER BY id) AS ids FROM e)
      SELECT y.ids FROM (${notified}) y`;
    scope.ids.push(...ids.split(","));
  }
}

type Row = {
  kind: string;
  recipientId: string | null;
  authorId: string | null;
  postId: string | null;
  reposterId: string | null;
  payload: string;
};

function toRow(event: NewLiveEvent): Row {
  const none = { recipientId: null, authorId: null, postId: null, reposterId: null };
  switch (event.kind) {
    case "notification":
      return {
        ...none,
        kind: event.kind,
        recipientId: event.recipientId,
        payload: JSON.stringify({ notificationId: event.notificationId }),
      };
    case "unread":
      return { ...none, kind: event.kind, recipientId: event.recipientId, payload: "{}" };
    case "post":
      return {
        ...none,
        kind: event.kind,
        authorId: event.authorId,
        postId: event.postId,
        reposterId: event.reposterId ?? null,
        payload: JSON.stringify({ createdAt: event.createdAt.toISOString() }),
      };
    case "delete":
      return {
        ...none,
        kind: event.kind,
        authorId: event.authorId,
        postId: event.postId,
        reposterId: event.reposterId ?? null,
        payload: JSON.stringify(
          event.reposterIds?.length ? { reposterIds: event.reposterIds } : {},
        ),
      };
  }
}
