// Who may see whom, in the two forms the reads need, side by side so they can't drift:
// tests/db/read-rules.test.ts checks on generated users that each SQL form and its Prisma twin
// agree. No `server-only` here: scripts/bench.ts runs the feed's SQL (which uses these) through
// raw `pg`, outside Next.js.
import { Prisma } from "@/lib/generated/prisma/client";

type VisibleOptions = { includeMuted?: boolean };

/**
 * The Block rows between `a` and `b`, either way, as an SQL subquery selecting the blocker:
 * `NOT EXISTS (…)` for "no block", or `(… LIMIT 1)` for who blocks. Either side may be a column.
 */
export function blocksBetweenSql(a: Prisma.Sql | string, b: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`SELECT b."blockerId" FROM "Block" b
    WHERE (b."blockerId" = ${a} AND b."blockedId" = ${b})
       OR (b."blockerId" = ${b} AND b."blockedId" = ${a})`;
}

/** blocksBetweenSql in Prisma: the Block rows between `a` and `b`, either way. */
export function blocksBetweenWhere(a: string, b: string): Prisma.BlockWhereInput {
  return {
    OR: [
      { blockerId: a, blockedId: b },
      { blockerId: b, blockedId: a },
    ],
  };
}

/**
 * An SQL condition: the account in `userColumn` (e.g. Prisma.raw(`p."authorId"`)) may be shown
 * to `viewerId`. Hidden: suspended or deleted accounts (from everyone), accounts blocked by the
 * viewer or blocking the viewer, and, unless `includeMuted`, accounts the viewer mutes. Every
 * list query adds it once, so hiding costs index probes on the rows read, never a query per item.
 * Signed out (`viewerId` null) only suspension and deletion hide anyone. `viewerId` may be a
 * column too (the live streams ask it for every open stream at once: lib/streaming).
 */
export function visibleAuthorSql(
  userColumn: Prisma.Sql,
  viewerId: string | Prisma.Sql | null,
  { includeMuted = false }: VisibleOptions = {},
): Prisma.Sql {
  const active = Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "User" hidden
    WHERE hidden.id = ${userColumn}
      AND (hidden."suspendedAt" IS NOT NULL OR hidden."deletedAt" IS NOT NULL))`;
  if (!viewerId) return active;
  const notBlocked = Prisma.sql`NOT EXISTS (${blocksBetweenSql(viewerId, userColumn)})`;
  const notMuted = includeMuted
    ? Prisma.sql`TRUE`
    : Prisma.sql`NOT EXISTS (
        SELECT 1 FROM "Mute" m WHERE m."muterId" = ${viewerId} AND m."mutedId" = ${userColumn})`;
  return Prisma.sql`(${active} AND ${notBlocked} AND ${notMuted})`;
}

/**
 * visibleAuthorSql in Prisma, for lists read through Prisma: a `where` on a user (a post's
 * author, a comment's author, a follower, an actor) that keeps only accounts the viewer may see,
 * by the same rule. It goes inside the list's own statement, so hiding never costs a query per
 * item.
 */
export function visibleAuthorWhere(
  viewerId: string | null | undefined,
  { includeMuted = false }: VisibleOptions = {},
): Prisma.UserWhereInput {
  const active: Prisma.UserWhereInput = { suspendedAt: null, deletedAt: null };
  if (!viewerId) return active;
  return {
    ...active,
    // `blockedBy` are the Block rows naming this user as blocked; `blocking` as the blocker.
    blockedBy: { none: { blockerId: viewerId } },
    blocking: { none: { blockedId: viewerId } },
    ...(includeMuted ? {} : { mutedBy: { none: { muterId: viewerId } } }),
  };
}
