import "server-only";
import { env } from "@/lib/config";
import { Prisma, type Tx } from "@/lib/db";

/** True when the email is listed in ADMIN_EMAILS (compared lower-cased). */
export function isAdminEmail(email: string): boolean {
  return env().ADMIN_EMAILS.includes(email.toLowerCase());
}

/**
 * Makes a just-created account an admin when its email is in ADMIN_EMAILS, or when no admin
 * exists yet (the first account ever). Runs inside the registration's transaction.
 *
 * "No admin yet" must be decided by one registration at a time: under READ COMMITTED two
 * concurrent sign-ups would each run `NOT EXISTS (admin)` before the other committed, and both
 * would become admin. A transaction-scoped advisory lock serialises the check; it is released
 * at commit, so the next registration's statement sees the admin that committed. The lock is
 * only taken while there is no admin, i.e. for the first sign-ups of a fresh install.
 */
export async function grantInitialAdmin(tx: Tx, userId: string, email: string): Promise<void> {
  if (isAdminEmail(email)) {
    await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
    return;
  }
  const [existing] = await tx.$queryRaw<{ found: boolean }[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "User" WHERE role = 'admin' AND id <> ${userId}) AS found`);
  if (existing?.found) return;
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('grover:first-admin'))`);
  await tx.$executeRaw(Prisma.sql`
    UPDATE "User" SET role = 'admin'
    WHERE id = ${userId}
      AND NOT EXISTS (SELECT 1 FROM "User" WHERE role = 'admin' AND id <> ${userId})`);
}
