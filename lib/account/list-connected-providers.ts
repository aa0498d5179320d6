import "server-only";
import { db } from "@/lib/db";

/** The sign-in providers (next-auth ids: "github", "google", "oidc") linked to the account. */
export async function listConnectedProviders(userId: string): Promise<string[]> {
  const rows = await db.account.findMany({
    where: { userId },
    select: { provider: true },
    distinct: ["provider"],
  });
  return rows.map((row) => row.provider);
}
