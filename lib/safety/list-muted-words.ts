import "server-only";
import { db } from "@/lib/db";
import { MAX_MUTED_WORDS, type TMutedWord } from "./safety.types";

/** The viewer's muted words, newest first; at most MAX_MUTED_WORDS, so one page holds them all. */
export async function listMutedWords(userId: string): Promise<{ items: TMutedWord[] }> {
  const rows = await db.mutedWord.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { word: "asc" }],
    take: MAX_MUTED_WORDS,
    select: { word: true, createdAt: true },
  });
  return { items: rows.map((r) => ({ word: r.word, createdAt: r.createdAt.toISOString() })) };
}
