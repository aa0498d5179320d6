import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";
import { EMAIL_KINDS, type TEmailKind } from "./email-kinds";
import { publicUrl } from "./public-url";

// The one-click unsubscribe link (RFC 8058) works without signing in, so it carries who and
// which kind, signed with AUTH_SECRET: it can only switch that one kind off for that one user.
// It is derived when the mail is rendered, never stored (the outbox keeps the user's id).
// No expiry: a mail read a year later must still be able to stop the next one.

function signature(userId: string, kind: TEmailKind): string {
  return createHmac("sha256", authSecret())
    .update(`unsubscribe:${userId}:${kind}`)
    .digest("base64url");
}

export function unsubscribeToken(userId: string, kind: TEmailKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

/** Who and which kind a token names, or null when it is not one this server signed. */
export function readUnsubscribeToken(token: string): { userId: string; kind: TEmailKind } | null {
  const [userId, kind, sig, ...rest] = token.split(".");
  if (!userId || !kind || !sig || rest.length) return null;
  if (!(EMAIL_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(userId, kind as TEmailKind));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as TEmailKind };
}

/**
 * The List-Unsubscribe address: a POST there (a mail client's one-click button) switches the
 * kind off; a GET (a person following it) is sent on to a page that asks first, so a link
 * scanner that fetches every link in a mail switches nothing off.
 */
export function unsubscribeUrl(userId: string, kind: TEmailKind): string {
  const query = new URLSearchParams({ token: unsubscribeToken(userId, kind) });
  return `${publicUrl()}/api/mail/unsubscribe?${query}`;
}
