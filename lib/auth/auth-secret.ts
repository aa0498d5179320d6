import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config";

let cached: string | undefined;

/**
 * The key that signs session cookies and pagination cursors. Production must set AUTH_SECRET;
 * a local checkout gets one generated once into DATA_DIR so `npm run dev` needs no setup.
 */
export function authSecret(): string {
  if (cached) return cached;
  const { AUTH_SECRET, NEXTAUTH_SECRET, NODE_ENV, DATA_DIR } = env();
  const configured = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (configured) return (cached = configured);
  if (NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("AUTH_SECRET must be set in production (32+ random characters).");
  }
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(DATA_DIR, { recursive: true });
    cached = randomBytes(32).toString("base64url");
    writeFileSync(file, cached, { mode: 0o600, flag: "wx" });
  }
  return cached;
}
