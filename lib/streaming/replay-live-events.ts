import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import { homeAudienceSql } from "./home-audience-sql";
import { latestLiveEventId } from "./load-live-events";
import type { LiveEventRow, SseEvent, TStreamName } from "./streaming.types";
import { toHomeSseEvent, toUserSseEvent } from "./to-sse-event";

/** How far back a reconnecting client is given what it missed; older ids get `resync`. */
export const REPLAY_WINDOW_MS = 5 * 60_000;
// More missed than this is no longer worth sending one by one: refetching is cheaper.
const MAX_REPLAY = 500;

const COLUMNS = Prisma.sql`e.id::text AS id, e.kind, e."recipientId", e."authorId", e."postId",
  e."reposterId", e.payload, e."createdAt"`;

/**
 * What a client reconnecting with `Last-Event-ID: <afterId>` missed, in order, filtered as live
 * delivery filters it; or a single `resync` when that id is unknown (never issued, or pruned),
 * older than the replay window, or followed by too much.
 */
export async function replayLiveEvents(
  viewerId: string,
  streams: ReadonlySet<TStreamName>,
  afterId: string,
): Promise<SseEvent[]> {
  const since = new Date(Date.now() - REPLAY_WINDOW_MS);
  const [known] = await queryRows<{ createdAt: Date }>(
    Prisma.sql`SELECT "createdAt" FROM "LiveEvent" WHERE id = ${afterId}::bigint`,
  );
  if (!known || known.createdAt < since) return [await resync()];

  const after = Prisma.sql`e.id > ${afterId}::bigint
    AND e."createdAt" > (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const userRows = streams.has("user")
    ? await queryRows<LiveEventRow>(Prisma.sql`
        SELECT ${COLUMNS} FROM "LiveEvent" e
        WHERE e."recipientId" = ${viewerId} AND ${after} ORDER BY e.id LIMIT ${MAX_REPLAY + 1}`)
    : [];
  const homeRows = streams.has("home")
    ? await queryRows<LiveEventRow>(Prisma.sql`
        SELECT ${COLUMNS} FROM "LiveEvent" e
        WHERE e.id IN (SELECT "eventId"::bigint FROM (${homeAudienceSql(after, [viewerId])}) a)
        ORDER BY e.id LIMIT ${MAX_REPLAY + 1}`)
    : [];
  const rows = [...userRows, ...homeRows].sort((a, b) => compareIds(a.id, b.id));
  if (rows.length > MAX_REPLAY) return [await resync()];

  const events: SseEvent[] = [];
  for (const row of rows) {
    const event = row.recipientId ? await toUserSseEvent(row, viewerId) : toHomeSseEvent(row);
    if (event) events.push(event);
  }
  return events;
}

/** `resync`, with the newest id so far: reconnecting with it continues from here. */
async function resync(): Promise<SseEvent> {
  return { id: await latestLiveEventId(), event: "resync", data: {} };
}

export function compareIds(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
