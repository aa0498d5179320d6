"use client";

import { useId, useState, type FormEvent } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useAddMutedWord, useMutedWords, useRemoveMutedWord } from "@/client/hooks/use-safety";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { MAX_MUTED_WORD_LENGTH, MAX_MUTED_WORDS } from "@/lib/safety/safety.types";

/** The viewer's muted words: a small form to add one, and each word with its remove button. */
export function MutedWordsSection() {
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [message, setMessage] = useState("");
  const words = useMutedWords();
  const add = useAddMutedWord({
    onSuccess: (added) => {
      setDraft("");
      setMessage(`Muted “${added.word}”.`);
    },
    onError: (error) => setMessage(formErrorMessage(error)),
  });
  const remove = useRemoveMutedWord({
    onSuccess: (_data, word) => setMessage(`Unmuted “${word}”.`),
    onError: (error) => setMessage(formErrorMessage(error)),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const word = draft.trim();
    if (!word) {
      setMessage("Enter a word to mute.");
      return;
    }
    if (!add.isPending) add.mutate(word);
  };

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={inputId} className="block text-sm font-semibold">
            Word or phrase
          </label>
          <input
            id={inputId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={MAX_MUTED_WORD_LENGTH}
            className="w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          aria-disabled={add.isPending || undefined}
          className={buttonClassName({ size: "sm" })}
        >
          {add.isPending ? "Muting…" : "Mute word"}
        </button>
      </form>
      {words.isPending ? (
        <p className="flex items-center gap-2 text-stone-600">
          <Spinner /> Loading…
        </p>
      ) : words.isError ? (
        <p role="alert">{formErrorMessage(words.error)}</p>
      ) : words.data.items.length === 0 ? (
        <p className="text-stone-600">No muted words. You can mute up to {MAX_MUTED_WORDS}.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Muted words">
          {words.data.items.map(({ word }) => (
            <li
              key={word}
              className="flex items-center gap-1 rounded-full border border-stone-300 py-1 pr-1 pl-3 text-sm"
            >
              <span>{word}</span>
              <button
                type="button"
                onClick={() => {
                  if (!remove.isPending) remove.mutate(word);
                }}
                className="rounded-full px-2 font-semibold text-stone-600 hover:bg-stone-100 hover:text-stone-900"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">Unmute {word}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="text-sm text-stone-700">
        {message}
      </p>
    </div>
  );
}
