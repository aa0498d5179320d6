import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import type { LiveEventRow } from "./streaming.types";

const COLUMNS = Prisma.sql`id::text AS id, kind, "recipientId", "authorId", "postId", "reposterId",
  payload, "createdAt"`;

/** The LiveEvent rows with these ids (announced by NOTIFY or Redis), in id order. */
export function loadLiveEvents(ids: string[]): Promise<LiveEventRow[]> {
  return queryRows<LiveEventRow>(
    Prisma.sql`SELECT ${COLUMNS} FROM "LiveEvent" WHERE id = ANY(${ids}::bigint[]) ORDER BY id`,
    { name: "live-events-by-id" },
  );
}

/** Up to `limit` LiveEvent rows past `afterId`, in id order (the embedded database's polling). */
export function loadLiveEventsAfter(afterId: string, limit: number): Promise<LiveEventRow[]> {
  return queryRows<LiveEventRow>(
    Prisma.sql`SELECT ${COLUMNS} FROM "LiveEvent" WHERE id > ${afterId}::bigint ORDER BY id
      LIMIT ${limit}`,
    { name: "live-events-after" },
  );
}

/** The newest LiveEvent id, "0" when there is none. */
export async function latestLiveEventId(): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    Prisma.sql`SELECT coalesce(max(id), 0)::text AS id FROM "LiveEvent"`,
  );
  return row?.id ?? "0";
}
