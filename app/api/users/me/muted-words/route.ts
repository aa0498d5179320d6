import { route } from "@/lib/api/route";
import { addMutedWord } from "@/lib/safety/add-muted-word";
import { listMutedWords } from "@/lib/safety/list-muted-words";
import {
  MAX_MUTED_WORDS,
  ZMutedWordBodySchema,
  ZMutedWordListSchema,
  ZMutedWordSchema,
} from "@/lib/safety/safety.types";

// GET /api/users/me/muted-words – your muted words, newest first
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me/muted-words",
    operationId: "listMutedWords",
    summary: "Your muted words",
    description: `All of them (at most ${MAX_MUTED_WORDS}), newest first.`,
    tags: ["Safety"],
    auth: "required",
    response: ZMutedWordListSchema,
  },
  async ({ viewer }) => listMutedWords(viewer.userId),
);

// POST /api/users/me/muted-words – mute a word (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/users/me/muted-words",
    operationId: "addMutedWord",
    summary: "Mute a word",
    description:
      "Posts containing it leave your feed. Trimmed and lower-cased, 1-50 characters, at most " +
      `${MAX_MUTED_WORDS} words. Idempotent: muting a muted word answers it again.`,
    tags: ["Safety"],
    auth: "required",
    body: ZMutedWordBodySchema,
    bodyExample: { word: "spoilers" },
    response: ZMutedWordSchema,
    status: 201,
    errors: ["unprocessable"],
  },
  async ({ body, viewer }) => addMutedWord(viewer.userId, body.word),
);
