import "server-only";
import { getToken } from "next-auth/jwt";
import { db, Prisma, queryRows } from "@/lib/db";
import { ApiError } from "@/lib/api/errors";
import { authSecret } from "./auth-secret";
import { hashToken } from "./hash-token";

export type Viewer = {
  userId: string;
  username: string;
  /** user, moderator or admin, read with the session so role checks cost no query (lib/moderation). */
  role: "user" | "moderator" | "admin";
  sessionId: string;
  via: "bearer" | "cookie";
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
};

// Every signed-in request starts here, so it is one statement with the user joined in, sent
// straight through the pool (Prisma's findUnique with the user sends two, and costs more CPU).
async function loadSession(
  where: { tokenHash: string } | { id: string },
): Promise<SessionRow | null> {
  const condition =
    "tokenHash" in where
      ? Prisma.sql`s."tokenHash" = ${where.tokenHash}`
      : Prisma.sql`s.id = ${where.id}`;
  const [session] = await queryRows<SessionRow>(Prisma.sql`
    SELECT s.id, s.kind::text AS kind, s."expiresAt", s."revokedAt", s."lastUsedAt",
           u.id AS "userId", u.username, u.role::text AS role, u."suspendedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE ${condition}`);
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  // Suspending revokes the sessions too; this also covers one created in the same instant.
  if (session.suspendedAt) return null;
  if (Date.now() - session.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastUsedAt: new Date() } });
  }
  return session;
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
    return {
      userId: session.userId,
      username: session.username,
      role: session.role,
      sessionId: session.id,
      via: "bearer",
    };
  }

  const jwt = await getToken({ req: req as never, secret: authSecret() });
  const sessionId = typeof jwt?.sid === "string" ? jwt.sid : undefined;
  if (!sessionId) return null;
  const session = await loadSession({ id: sessionId });
  if (!session || session.kind !== "web") return null;
  return {
    userId: session.userId,
    username: session.username,
    role: session.role,
    sessionId: session.id,
    via: "cookie",
  };
}
