import { Prisma } from "@/lib/generated/prisma/client";

/**
 * An SQL condition: the account in `userColumn` (e.g. Prisma.raw(`p."authorId"`)) may be shown
 * to `viewerId`. Hidden: suspended or deleted accounts (from everyone), accounts blocked by the
 * viewer or blocking the viewer, and, unless `includeMuted`, accounts the viewer mutes. Every
 * list query adds it once, so hiding costs index probes on the rows read, never a query per item.
 * Signed out (`viewerId` null) only suspension and deletion hide anyone.
 */
export function visibleAuthorSql(
  userColumn: Prisma.Sql,
  viewerId: string | null,
  { includeMuted = false }: { includeMuted?: boolean } = {},
): Prisma.Sql {
  const active = Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "User" hidden
    WHERE hidden.id = ${userColumn}
      AND (hidden."suspendedAt" IS NOT NULL OR hidden."deletedAt" IS NOT NULL))`;
  if (!viewerId) return active;
  const notBlocked = Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "Block" b
    WHERE (b."blockerId" = ${viewerId} AND b."blockedId" = ${userColumn})
       OR (b."blockerId" = ${userColumn} AND b."blockedId" = ${viewerId}))`;
  const notMuted = includeMuted
    ? Prisma.sql`TRUE`
    : Prisma.sql`NOT EXISTS (
        SELECT 1 FROM "Mute" m WHERE m."muterId" = ${viewerId} AND m."mutedId" = ${userColumn})`;
  return Prisma.sql`(${active} AND ${notBlocked} AND ${notMuted})`;
}
