import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { authSecret } from "./auth-secret";

// A reset token is never stored: the database keeps its SHA-256 (hash-token.ts) and the outbox
// keeps the random seed it is derived from, which is worthless without AUTH_SECRET. So neither a
// copy of the database nor a look at queued events lets anyone reset someone's password.

/** A new reset's random 32 bytes. */
export function newPasswordResetSeed(): string {
  return randomBytes(32).toString("base64url");
}

/** The token a reset's link carries: 32 bytes, HMAC-SHA256 of the seed under AUTH_SECRET. */
export function passwordResetToken(seed: string): string {
  return createHmac("sha256", authSecret()).update(`password-reset:${seed}`).digest("base64url");
}
