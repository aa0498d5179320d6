import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/config";
import { db } from "@/lib/db";
import { hashToken } from "./hash-token";

type SessionOrigin = { userAgent?: string | null; ip?: string | null };

const TOKEN_PREFIX = "grv_";

/** A bearer token for an API client. The plain token is returned once and never stored. */
export async function createApiSession(userId: string, origin: SessionOrigin = {}) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_DAYS * 86_400_000);
  await db.session.create({
    data: {
      userId,
      kind: "api",
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: origin.userAgent?.slice(0, 300),
      ip: origin.ip,
    },
  });
  return { token, expiresAt };
}

/** The server-side record behind a web sign-in; its id rides in the next-auth JWT. */
export async function createWebSession(userId: string, origin: SessionOrigin = {}) {
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_DAYS * 86_400_000);
  const session = await db.session.create({
    data: {
      userId,
      kind: "web",
      expiresAt,
      userAgent: origin.userAgent?.slice(0, 300),
      ip: origin.ip,
    },
    select: { id: true },
  });
  return { sessionId: session.id, expiresAt };
}
