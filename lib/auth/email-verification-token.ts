import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { authSecret } from "./auth-secret";

// The scheme of password-reset-token.ts: the database keeps the token's SHA-256, the outbox the
// random seed it is derived from with AUTH_SECRET, so neither holds a working link. The purpose
// label differs, so a reset token can never be played as a verification token or back.

/** A new verification's random 32 bytes. */
export function newEmailVerificationSeed(): string {
  return randomBytes(32).toString("base64url");
}

/** The token a verification link carries: HMAC-SHA256 of the seed under AUTH_SECRET. */
export function emailVerificationToken(seed: string): string {
  return createHmac("sha256", authSecret())
    .update(`email-verification:${seed}`)
    .digest("base64url");
}
