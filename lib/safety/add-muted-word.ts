import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { MAX_MUTED_WORDS, type TMutedWord } from "./safety.types";

/**
 * Mutes a word (already trimmed and lower-cased by the schema). Idempotent: muting it again
 * answers the existing one. At most MAX_MUTED_WORDS per user; the user's row is locked while
 * counting, so two adds at once can't both take the last place.
 */
export async function addMutedWord(userId: string, word: string): Promise<TMutedWord> {
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const existing = await tx.mutedWord.findUnique({
      where: { userId_word: { userId, word } },
      select: { word: true, createdAt: true },
    });
    if (existing) return existing;
    const count = await tx.mutedWord.count({ where: { userId } });
    if (count >= MAX_MUTED_WORDS) {
      throw new ApiError(
        "unprocessable",
        `You can mute at most ${MAX_MUTED_WORDS} words: remove one first.`,
      );
    }
    return tx.mutedWord.create({
      data: { userId, word },
      select: { word: true, createdAt: true },
    });
  });
  return { word: row.word, createdAt: row.createdAt.toISOString() };
}
