import "server-only";
import { db } from "@/lib/db";

/** Whether the account signs in with a password (false: OAuth only), for the settings page. */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    // An explicit select overrides the client's global omit of passwordHash.
    select: { passwordHash: true },
  });
  return Boolean(user?.passwordHash);
}
