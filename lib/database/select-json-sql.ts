// No `server-only`: scripts/bench.ts runs the posts page's SQL (which uses this) through raw `pg`.
import { Prisma } from "@/lib/generated/prisma/client";

/** A Prisma `select` of scalar fields (`true`) and relations (`{ select }`). */
type Select = { [field: string]: true | { select: Select } };

/**
 * A Prisma `select` as an SQL `json_build_object` over the row aliased `alias`, so a statement
 * written in SQL hands back the very object Prisma would for that select, and the select
 * constant stays the one list of columns. A relation is read from the alias `joins[field]` (a
 * LEFT JOIN the caller makes on it), null when that row is missing. Field names are column names
 * (no @map on these models); timestamps would arrive as strings, so selects used here have none.
 */
export function selectJsonSql(
  select: Select,
  alias: string,
  joins: Record<string, string> = {},
): Prisma.Sql {
  const fields = Object.entries(select).map(([field, value]) => {
    const key = Prisma.raw(`'${field}'`);
    if (value === true) return Prisma.sql`${key}, ${Prisma.raw(`${alias}."${field}"`)}`;
    const joined = joins[field];
    if (!joined) throw new Error(`selectJsonSql: no join given for the relation ${field}`);
    return Prisma.sql`${key}, CASE WHEN ${Prisma.raw(joined)}.id IS NULL THEN NULL
      ELSE ${selectJsonSql(value.select, joined)} END`;
  });
  return Prisma.sql`json_build_object(${Prisma.join(fields)})`;
}
