import "server-only";
import { db, type Tx } from "@/lib/db";
import type { TEmailKindsPatch } from "./email-kinds";

/**
 * Switches the named email kinds on or off for a user, leaving the others as they are. Merged in
 * SQL (jsonb ||), so two changes at once (the settings page and an unsubscribe click) both land.
 * An account that no longer exists is left alone (an old unsubscribe link).
 */
export async function setEmailKinds(
  userId: string,
  patch: TEmailKindsPatch,
  client: Tx | typeof db = db,
): Promise<void> {
  if (!userId) throw new Error("setEmailKinds needs a user id");
  const json = JSON.stringify(patch);
  await client.$executeRaw`
    INSERT INTO "NotificationSettings" ("userId", "emailKinds", "updatedAt")
    SELECT "id", ${json}::jsonb, now() FROM "User" WHERE "id" = ${userId}
    ON CONFLICT ("userId") DO UPDATE
    SET "emailKinds" = "NotificationSettings"."emailKinds" || EXCLUDED."emailKinds",
        "updatedAt" = now()`;
}
