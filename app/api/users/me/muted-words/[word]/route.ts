import { route } from "@/lib/api/route";
import { removeMutedWord } from "@/lib/safety/remove-muted-word";
import { ZMutedWordParamsSchema } from "@/lib/safety/safety.types";

// DELETE /api/users/me/muted-words/{word} – unmute a word (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/me/muted-words/{word}",
    operationId: "removeMutedWord",
    summary: "Unmute a word",
    description: "Idempotent. The word is matched as stored: trimmed and lower-cased.",
    tags: ["Safety"],
    auth: "required",
    params: ZMutedWordParamsSchema,
  },
  async ({ params, viewer }) => removeMutedWord(viewer.userId, params.word),
);
