// The keyset conditions every list pages by, in SQL and in Prisma, side by side. A list ordered
// by (sort column, id) continues after the last row of the page before: rows whose pair sorts
// strictly after that row's. No `server-only`: scripts/bench.ts runs the feed's SQL (which uses
// these) through raw `pg`. The signed cursor around a position is in pagination.ts.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export type Direction = "asc" | "desc";

/** Where a list ordered by (time, id) stopped: the last row's time (ISO, UTC) and id. */
export const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
export type TPosition = z.infer<typeof ZPositionSchema>;

/**
 * The SQL condition "(sort, id) sorts after (sortValue, idValue)" as a row comparison, which
 * lets PostgreSQL start the index range right after the cursor (an `a < x OR (a = x AND b < y)`
 * filter would read every row above it first). Values must carry their column's type (a cast).
 */
export function rowAfterSql(
  [sort, id]: [Prisma.Sql, Prisma.Sql],
  [sortValue, idValue]: [Prisma.Sql, string],
  direction: Direction,
): Prisma.Sql {
  return direction === "desc"
    ? Prisma.sql`(${sort}, ${id}) < (${sortValue}, ${idValue})`
    : Prisma.sql`(${sort}, ${id}) > (${sortValue}, ${idValue})`;
}

/**
 * rowAfterSql for a (time, id) position, or TRUE on the first page. The ISO string (UTC, as the
 * column holds) is cast, so the process's time zone can't shift it, as a Date parameter could.
 */
export function positionAfterSql(
  columns: [Prisma.Sql, Prisma.Sql],
  position: TPosition | null | undefined,
  direction: Direction = "desc",
): Prisma.Sql {
  if (!position) return Prisma.sql`TRUE`;
  return rowAfterSql(columns, [Prisma.sql`${position.t}::timestamp`, position.id], direction);
}

type Bound = { lte: Date } | { gte: Date };
type Past<V> = { lt: V } | { gt: V };

/** A Prisma `where` on rows after a position: spread it, or put it in an AND beside other ORs. */
export type PositionAfterWhere<T extends string, I extends string> =
  | Record<never, never>
  | (Record<T, Bound> & { OR: (Record<T, Past<Date>> | Record<I, Past<string>>)[] });

/**
 * positionAfterSql in Prisma, which has no row comparison: `time <= t AND (time < t OR id < id)`
 * (for newest first). The first half bounds the index range at the cursor, so a deep page
 * doesn't read every newer row again; the OR only sorts out rows of the same millisecond.
 */
export function positionAfterWhere<T extends string, I extends string>(
  [time, id]: [T, I],
  position: TPosition | null | undefined,
  direction: Direction = "desc",
): PositionAfterWhere<T, I> {
  if (!position) return {};
  const t = new Date(position.t);
  const [within, past] = direction === "desc" ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    [time]: { [within]: t },
    OR: [{ [time]: { [past]: t } }, { [id]: { [past]: position.id } }],
  } as PositionAfterWhere<T, I>;
}
