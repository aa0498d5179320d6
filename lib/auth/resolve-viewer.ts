import "server-only";
import { getToken } from "next-auth/jwt";
import { db, Prisma, queryRows } from "@/lib/db";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { authSecret } from "./auth-secret";
import { hashToken } from "./hash-token";

export type Viewer = {
  userId: string;
  username: string;
  /** user, moderator or admin, read with the session so role checks cost no query (lib/moderation). */
  role: "user" | "moderator" | "admin";
  sessionId: string;
  via: "bearer" | "cookie";
  /**
   * The viewer's muted words (lower-cased, sorted), read in the session's own statement so the
   * feed can leave out posts containing them without another round trip.
   */
  mutedWords: string[];
  /**
   * Whether a block (either way) or a mute hides any account from the viewer. When false, lists
   * computed for no one in particular (lib/cache/shared-cache.ts: trending tags) are exactly
   * what this viewer may see.
   */
  hidesAccounts: boolean;
};

type RequestLike = {
  headers: Headers;
  cookies: { getAll(): { name: string; value: string }[] };
};

// lastUsedAt is for the sessions list; writing it on every request would turn reads into writes.
const TOUCH_AFTER_MS = 5 * 60_000;

type SessionRow = {
  id: string;
  kind: "web" | "api";
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date;
  userId: string;
  username: string;
  role: Viewer["role"];
  suspendedAt: Date | null;
  mutedWords: string[];
  hidesAccounts: boolean;
};

// Every signed-in request starts here, so it is one prepared statement with the user, their
// muted words and whether they hide anyone joined in, sent straight through the pool (Prisma's
// findUnique with the user sends two, and costs more CPU). Each probe is on a primary key or
// index: MutedWord (userId, word), Block (blockerId, …) and (blockedId), Mute (muterId, …).
async function loadSession(
  where: { tokenHash: string } | { id: string },
): Promise<SessionRow | null> {
  const byToken = "tokenHash" in where;
  const condition = byToken
    ? Prisma.sql`s."tokenHash" = ${where.tokenHash}`
    : Prisma.sql`s.id = ${where.id}`;
  const [session] = await queryRows<SessionRow>(
    Prisma.sql`
    SELECT s.id, s.kind::text AS kind, s."expiresAt", s."revokedAt", s."lastUsedAt",
           u.id AS "userId", u.username, u.role::text AS role, u."suspendedAt",
           ARRAY(SELECT w.word FROM "MutedWord" w WHERE w."userId" = u.id ORDER BY w.word)
             AS "mutedWords",
           (EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = u.id)
             OR EXISTS (SELECT 1 FROM "Block" b WHERE b."blockedId" = u.id)
             OR EXISTS (SELECT 1 FROM "Mute" m WHERE m."muterId" = u.id)) AS "hidesAccounts"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE ${condition}`,
    { name: byToken ? "session-by-token" : "session-by-id" },
  );
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  // Suspending revokes the sessions too; this also covers one created in the same instant.
  if (session.suspendedAt) return null;
  if (Date.now() - session.lastUsedAt.getTime() > TOUCH_AFTER_MS) touch(session);
  return session;
}

// Off the request's path: the answer doesn't depend on it, and a failed touch only leaves the
// sessions list a few minutes behind, so it is logged rather than failing the request.
function touch(session: SessionRow): void {
  db.session
    .updateMany({
      where: { id: session.id, userId: session.userId },
      data: { lastUsedAt: new Date() },
    })
    .catch((error: unknown) =>
      log.warn("could not record the session's last use", { error: String(error) }),
    );
}

function toViewer(session: SessionRow, via: Viewer["via"]): Viewer {
  return {
    userId: session.userId,
    username: session.username,
    role: session.role,
    sessionId: session.id,
    via,
    mutedWords: session.mutedWords,
    hidesAccounts: session.hidesAccounts,
  };
}

/**
 * Who is asking: a bearer token first (API clients), else the next-auth cookie (web). Both are
 * checked against the Session table, so revoking the row signs either out at once. A bearer
 * token that is present but not valid is an error rather than "signed out", so a client learns
 * its token died.
 */
export async function resolveViewer(req: RequestLike): Promise<Viewer | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new ApiError("invalid_token", "Authorization must be 'Bearer <token>'.");
    const session = await loadSession({ tokenHash: hashToken(match[1]) });
    if (!session || session.kind !== "api") {
      throw new ApiError("invalid_token", "The token is invalid, expired or revoked.");
    }
    return toViewer(session, "bearer");
  }

  const jwt = await getToken({ req: req as never, secret: authSecret() });
  const sessionId = typeof jwt?.sid === "string" ? jwt.sid : undefined;
  if (!sessionId) return null;
  const session = await loadSession({ id: sessionId });
  if (!session || session.kind !== "web") return null;
  return toViewer(session, "cookie");
}
