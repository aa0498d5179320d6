import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadViewerRelations } from "./load-viewer-relations";
import { toUserSummary } from "./public-user";
import type { TUserSummary } from "./users.types";

const ZPositionSchema = z.object({ score: z.number(), id: z.string() });

type Row = {
  id: string;
  username: string;
  displayName: string;
  bio: string;
  avatarId: string | null;
  avatarKey: string | null;
  score: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Users by username and display name: exact and prefix matches first, then fuzzy matches by
 * trigram similarity (pg_trgm, served by the GIN trigram indexes on both columns). Paged by
 * keyset on (score, id), so the order is stable across pages.
 */
export async function searchUsers(
  rawQuery: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TUserSummary>> {
  const q = rawQuery.trim().replace(/^@/, "").toLowerCase();
  // Named by a digest so a long query can't push the cursor past its length cap.
  const scope = `users-search:${createHash("sha256").update(q).digest("base64url").slice(0, 22)}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const prefix = `${escapeLike(q)}%`;
  const contains = `%${escapeLike(q)}%`;

  const afterCursor = position
    ? Prisma.sql`WHERE (score < ${position.score} OR (score = ${position.score} AND id > ${position.id}))`
    : Prisma.empty;

  const rows = await db.$queryRaw<Row[]>`
    WITH matches AS (
      SELECT id, username, "displayName", bio, "avatarId",
        (CASE WHEN username = ${q} THEN 4
              WHEN username LIKE ${prefix} THEN 2
              WHEN lower("displayName") LIKE ${prefix} THEN 1.5
              ELSE 0 END
         + greatest(similarity(username, ${q}), similarity(lower("displayName"), ${q})))::float8 AS score
      FROM "User"
      WHERE username LIKE ${contains}
         OR lower("displayName") LIKE ${contains}
         OR username % ${q}
         OR lower("displayName") % ${q}
    )
    SELECT *, (SELECT "thumbnailKey" FROM "Media" WHERE "Media".id = matches."avatarId") AS "avatarKey"
    FROM matches
    ${afterCursor}
    ORDER BY score DESC, id ASC
    LIMIT ${page.limit + 1}`;

  const relations = await loadViewerRelations(
    viewerId,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ score: r.score, id: r.id }),
    (r) =>
      toUserSummary(
        { ...r, avatar: r.avatarKey ? { thumbnailKey: r.avatarKey } : null },
        relations.get(r.id) ?? null,
      ),
  );
}
