import "server-only";
import { ApiError } from "@/lib/api/errors";
import { selectJsonSql } from "@/lib/database/select-json-sql";
import { Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { PUBLIC_USER_SELECT, toPublicUser, type PublicUserRow } from "./public-user";
import type { TPublicUser } from "./users.types";

// The profile's columns as JSON, but for createdAt: json_build_object would make the timestamp a
// string without its zone, so it comes as a column of its own and pg parses it.
const { createdAt: _createdAt, ...PROFILE_JSON_SELECT } = PUBLIC_USER_SELECT;

type Row = {
  user: Omit<PublicUserRow, "createdAt">;
  createdAt: Date;
  following: boolean;
  followsYou: boolean;
};

/**
 * A profile by id or username, with the viewer's follow relation when signed in. Suspended and
 * deleted accounts, and accounts blocked either way, are unknown (404); muted ones open.
 *
 * One prepared statement, avatar, banner and both follow directions included (through Prisma it
 * was three for the user and its two media, and two more for the relation).
 */
export async function getPublicProfile(ref: string, viewerId?: string): Promise<TPublicUser> {
  const viewer = viewerId ?? null;
  const [row] = await queryRows<Row>(
    Prisma.sql`
    SELECT ${selectJsonSql(PROFILE_JSON_SELECT, "u", { avatar: "avatar", banner: "banner" })}
             AS "user",
           u."createdAt",
           EXISTS (
             SELECT 1 FROM "Follow" f WHERE f."followerId" = ${viewer} AND f."followingId" = u.id
           ) AS following,
           EXISTS (
             SELECT 1 FROM "Follow" f WHERE f."followerId" = u.id AND f."followingId" = ${viewer}
           ) AS "followsYou"
    FROM "User" u
    LEFT JOIN "Media" avatar ON avatar.id = u."avatarId"
    LEFT JOIN "Media" banner ON banner.id = u."bannerId"
    WHERE (u.id = ${ref} OR u.username = ${ref.toLowerCase()})
      AND ${visibleAuthorSql(Prisma.raw("u.id"), viewer, { includeMuted: true })}
    -- A ref that is one account's id and another's username names the first.
    ORDER BY u.id = ${ref} DESC
    LIMIT 1`,
    { name: viewer ? "public-profile" : "public-profile-signed-out" },
  );
  if (!row) throw new ApiError("not_found", "No such user.");
  const relation = viewerId
    ? { isSelf: row.user.id === viewerId, following: row.following, followsYou: row.followsYou }
    : null;
  return toPublicUser({ ...row.user, createdAt: row.createdAt }, relation);
}
