"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
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
import { COMMENT_TEXT_MAX, ZCreateCommentBodySchema, type TComment } from "@/lib/posts/posts.types";

const LABELS = { text: "Comment" };

type CommentFormProps = {
  postId: string;
  /** Makes this a reply composer under that comment: focused when it opens, closed by Escape. */
  replyTo?: TComment;
  /** Closes the reply composer (Cancel, Escape, or once the reply is posted). */
  onClose?: (posted: boolean) => void;
};

/**
 * Add a comment to a post, or a reply to one of its comments: Ctrl/Cmd+Enter or the button; the
 * result is announced.
 */
export function CommentForm({ postId, replyTo, onClose }: CommentFormProps) {
  const add = useAddComment(postId);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const ids = { text: `${id}-text`, counter: `${id}-counter`, error: `${id}-error` };
  const replyName = replyTo?.author?.username;

  // A reply composer opens where the reader chose to answer: take them straight into it.
  useEffect(() => {
    if (replyTo) textRef.current?.focus();
  }, [replyTo]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape" && onClose) {
      event.preventDefault();
      onClose(false);
      return;
    }
    submitOnModEnter(event);
  }

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
    add.mutate(
      { text: parsed.data.text, parentId: replyTo?.id },
      {
        onSuccess: () => {
          setText("");
          if (onClose) return onClose(true);
          setStatus("Comment posted.");
          textRef.current?.focus();
        },
        onError: (cause) =>
          fail(
            apiFieldErrors(cause, LABELS),
            `Your ${replyTo ? "reply" : "comment"} wasn't posted. ${formErrorMessage(cause)}`,
          ),
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={ids.text} className="text-sm font-semibold text-stone-900">
          {replyTo ? `Reply to @${replyName ?? "comment"}` : "Add a comment"}
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
        onKeyDown={onKeyDown}
        readOnly={add.isPending}
        placeholder={replyTo ? "Write a reply" : "Say something nice"}
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
          {add.isPending ? (
            <span className="sr-only">Posting your {replyTo ? "reply" : "comment"}…</span>
          ) : (
            status
          )}
        </p>
        <div className="flex shrink-0 items-center gap-2">
          {onClose ? (
            <button
              type="button"
              onClick={() => onClose(false)}
              className={buttonClassName({ variant: "secondary", size: "sm" })}
            >
              Cancel
            </button>
          ) : null}
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
            ) : replyTo ? (
              "Reply"
            ) : (
              "Comment"
            )}
          </button>
        </div>
      </div>
    </form>
  );
}
