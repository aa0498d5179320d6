import { z } from "zod";

export const MAX_MUTED_WORDS = 100;
export const MAX_MUTED_WORD_LENGTH = 50;

export const ZBlockStateSchema = z.object({ blocking: z.boolean() }).meta({ id: "BlockState" });
export const ZMuteStateSchema = z.object({ muting: z.boolean() }).meta({ id: "MuteState" });
export type TBlockState = z.infer<typeof ZBlockStateSchema>;
export type TMuteState = z.infer<typeof ZMuteStateSchema>;

/** A muted word or phrase: trimmed, lower-cased (matching ignores case), 1-50 characters. */
export const ZMutedWordValueSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a word to mute.")
  .max(MAX_MUTED_WORD_LENGTH, `A muted word has at most ${MAX_MUTED_WORD_LENGTH} characters.`)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "must not contain control characters");

export const ZMutedWordBodySchema = z.object({ word: ZMutedWordValueSchema });
export const ZMutedWordParamsSchema = z.object({ word: ZMutedWordValueSchema });

export const ZMutedWordSchema = z
  .object({ word: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: "MutedWord" });
export type TMutedWord = z.infer<typeof ZMutedWordSchema>;

export const ZMutedWordListSchema = z
  .object({ items: z.array(ZMutedWordSchema) })
  .meta({ id: "MutedWordList" });
