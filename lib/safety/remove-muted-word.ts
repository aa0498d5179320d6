import "server-only";
import { db } from "@/lib/db";

/** Unmutes a word. Idempotent: a word that isn't muted is simply not there afterwards. */
export async function removeMutedWord(userId: string, word: string): Promise<void> {
  await db.mutedWord.deleteMany({ where: { userId, word } });
}
