"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { useAddComment } from "@/client/hooks/use-comments";
import { inputClassName } from "@/components/forms/form-field";
import { CharacterCounter, submitOnModEnter } from "@/components/posts/composer";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { COMMENT_TEXT_MAX, ZCreateCommentBodySchema } from "@/lib/posts/posts.types";

const LABELS = { text: "Comment" };

/** Add a comment to a post: Ctrl/Cmd+Enter or the button; the result is announced. */
export function CommentForm({ postId }: { postId: string }) {
  const add = useAddComment(postId);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const ids = { text: `${id}-text`, counter: `${id}-counter`, error: `${id}-error` };

  function fail(errors: FieldErrors, fallback: string) {
    setError(errors.text ?? fallback);
    textRef.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    setStatus("");
    const parsed = ZCreateCommentBodySchema.safeParse({ text });
    if (!parsed.success) return fail(zodFieldErrors(parsed.error, LABELS), "Check your comment.");
    setError(null);
    add.mutate(parsed.data.text, {
      onSuccess: () => {
        setText("");
        setStatus("Comment posted.");
        textRef.current?.focus();
      },
      onError: (cause) =>
        fail(
          apiFieldErrors(cause, LABELS),
          `Your comment wasn't posted. ${formErrorMessage(cause)}`,
        ),
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={ids.text} className="text-sm font-semibold text-stone-900">
          Add a comment
        </label>
        <CharacterCounter
          id={ids.counter}
          length={text.trim().length}
          max={COMMENT_TEXT_MAX}
          warnAt={50}
        />
      </div>
      <textarea
        ref={textRef}
        id={ids.text}
        name="text"
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
          setStatus("");
        }}
        onKeyDown={submitOnModEnter}
        readOnly={add.isPending}
        placeholder="Say something nice"
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? ids.error : null, ids.counter].filter(Boolean).join(" ")}
        className={`${inputClassName} resize-y`}
      />
      {error ? (
        <p
          id={ids.error}
          role="alert"
          className="flex items-start gap-1.5 text-sm font-medium text-red-700"
        >
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <p role="status" className="text-sm font-medium text-brand-700">
          {add.isPending ? <span className="sr-only">Posting your comment…</span> : status}
        </p>
        <button
          type="submit"
          aria-disabled={add.isPending || undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className={buttonClassName({ size: "sm", className: "min-w-24" })}
        >
          {add.isPending ? (
            <>
              <Spinner /> Posting…
            </>
          ) : (
            "Comment"
          )}
        </button>
      </div>
    </form>
  );
}
