import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "./errors";
import {
  positionAfterSql,
  positionAfterWhere,
  ZPositionSchema,
  type Direction,
  type TPosition,
} from "./keyset";
import type { Page } from "./page.types";

export const MAX_PAGE_SIZE = 100;

/** `?cursor=&limit=` for every list. A limit over the cap is an error, not silently clamped. */
export const ZPageQuerySchema = z.object({
  cursor: z.string().max(500).optional().meta({ description: "Opaque cursor from `nextCursor`." }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export type TPageQuery = z.infer<typeof ZPageQuerySchema>;

// The page shape is shared with the browser, so it lives apart from this server-only module.
export { pageSchema, type Page } from "./page.types";

// A cursor carries the keyset position plus the list it belongs to (`scope`), signed, so a client
// can neither forge a position nor replay a cursor from one list in another.
function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(payload).digest("base64url").slice(0, 22);
}

export function encodeCursor(scope: string, position: unknown): string {
  const payload = Buffer.from(JSON.stringify({ s: scope, p: position })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor<T extends z.ZodType>(
  cursor: string | undefined,
  scope: string,
  schema: T,
): z.infer<T> | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const invalid = new ApiError("invalid_cursor", "The cursor is not valid for this list.");
  const [payload, signature] = cursor.split(".");
  if (!payload || !signature) throw invalid;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof decoded !== "object" || decoded === null || (decoded as { s?: unknown }).s !== scope) {
    throw invalid;
  }
  const position = schema.safeParse((decoded as { p?: unknown }).p);
  if (!position.success) throw invalid;
  return position.data;
}

/**
 * Turns `limit + 1` rows fetched in keyset order into a page: the extra row only tells that
 * there is more, and the last returned row's position becomes the next cursor.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  scope: string,
  positionOf: (row: Row) => unknown,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last ? encodeCursor(scope, positionOf(last)) : null,
  };
}

/**
 * The keyset of a list ordered by (time, id) columns, newest first unless `direction` says
 * otherwise, read from its cursor: the Prisma `where` for rows after the cursor and the
 * `orderBy`, the SQL condition for the same (`sql`, given the two columns), and each row's
 * position for the next cursor.
 */
export function keyset<T extends string = "createdAt", I extends string = "id">(
  cursor: string | undefined,
  scope: string,
  {
    columns = ["createdAt", "id"] as [T, I],
    direction = "desc",
  }: { columns?: [T, I]; direction?: Direction } = {},
) {
  const position = decodeCursor(cursor, scope, ZPositionSchema);
  const [time, id] = columns;
  return {
    position,
    where: positionAfterWhere(columns, position, direction),
    orderBy: [{ [time]: direction }, { [id]: direction }] as [
      Record<T, Direction>,
      Record<I, Direction>,
    ],
    sql: (sqlColumns: [Prisma.Sql, Prisma.Sql]) =>
      positionAfterSql(sqlColumns, position, direction),
    positionOf: (row: Record<T, Date> & Record<I, string>): TPosition => ({
      t: row[time].toISOString(),
      id: row[id],
    }),
  };
}
