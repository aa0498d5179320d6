import { createHash } from "node:crypto";

/** Prisma's checksum of a migration script: SHA-256 of the file's bytes, lower-case hex. */
export function migrationChecksum(script: Buffer | string): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Whether `script` is the one recorded with `checksum`. Like Prisma, a script whose only change
 * is its line endings (a Windows checkout with core.autocrlf) still matches.
 */
export function checksumMatches(script: string, checksum: string): boolean {
  if (migrationChecksum(script) === checksum) return true;
  const otherEndings = script.includes("\r\n")
    ? script.replaceAll("\r\n", "\n")
    : script.replaceAll("\n", "\r\n");
  return migrationChecksum(otherEndings) === checksum;
}
