"use client";

import Link from "next/link";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/lib/client/field-errors";
import {
  CONTENT_WARNING_MAX,
  POST_TEXT_MAX,
  ZCreatePostBodySchema,
  type TPost,
} from "@/lib/posts/posts.types";
import { Avatar } from "./avatar";
import { buttonClassName } from "./button";
import { inputClassName } from "./form-field";
import { useCreatePost } from "./hooks/use-create-post";
import { useCurrentUser } from "./hooks/use-current-user";
import { useDebouncedValue } from "./hooks/use-debounced-value";
import { Spinner } from "./spinner";

export const POST_LABELS = { text: "Post", contentWarning: "Content warning" };

/** Ctrl+Enter (Cmd+Enter on a Mac) in a field submits its form, as in most composers. */
export function submitOnModEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  (event.currentTarget as HTMLInputElement).form?.requestSubmit();
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Characters left, always visible; amber near the limit and red past it. Screen readers hear
 * it only near the limit, and only once typing pauses, not on every keystroke.
 */
export function CharacterCounter({
  id,
  length,
  max,
  warnAt = Math.round(max / 10),
}: {
  id: string;
  length: number;
  max: number;
  warnAt?: number;
}) {
  const left = max - length;
  const spokenLeft = useDebouncedValue(left, 700);
  const tone =
    left < 0 ? "font-semibold text-red-700" : left <= warnAt ? "text-amber-800" : "text-stone-600";
  const announcement =
    spokenLeft < 0
      ? `${plural(-spokenLeft, "character", "characters")} over the limit`
      : spokenLeft <= warnAt
        ? `${plural(spokenLeft, "character", "characters")} left`
        : "";
  return (
    <>
      <span id={id} className={`text-sm tabular-nums ${tone}`}>
        {left < 0 ? `−${-left}` : left}
        <span className="sr-only">
          {" "}
          {left < 0 ? "characters over the limit" : `of ${max} characters left`}
        </span>
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}

function FieldError({ id, children }: { id: string; children?: string }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠</span>
      <span>{children}</span>
    </p>
  );
}

/**
 * Write a post: a labelled textarea with a live counter, an optional content warning, Ctrl/Cmd
 * +Enter to post. What happens is announced: posting, posted, or what went wrong.
 */
export function Composer() {
  const { user } = useCurrentUser();
  const create = useCreatePost();
  const [text, setText] = useState("");
  const [warningOn, setWarningOn] = useState(false);
  const [warning, setWarning] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [posted, setPosted] = useState<TPost | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const warningRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = {
    text: `${id}-text`,
    counter: `${id}-counter`,
    textError: `${id}-text-error`,
    warning: `${id}-warning`,
    warningError: `${id}-warning-error`,
    hint: `${id}-hint`,
  };

  const clearMessages = () => {
    setFormError(null);
    setPosted(null);
  };

  function showErrors(next: FieldErrors) {
    setErrors(next);
    if (next.text) textRef.current?.focus();
    else if (next.contentWarning) warningRef.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    clearMessages();
    // Checked here rather than left to the schema, whose wording allows for media attachments,
    // which this composer doesn't offer.
    if (!text.trim()) return showErrors({ text: "Write something to post." });
    const body = { text, contentWarning: warningOn ? warning : undefined };
    const parsed = ZCreatePostBodySchema.safeParse(body);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, POST_LABELS));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (post) => {
        setText("");
        setWarning("");
        setWarningOn(false);
        setPosted(post);
        textRef.current?.focus();
      },
      onError: (error) => {
        const fields = apiFieldErrors(error, POST_LABELS);
        if (Object.keys(fields).length > 0) showErrors(fields);
        else setFormError(`Your post wasn't published. ${formErrorMessage(error)}`);
      },
    });
  }

  const describedBy = (error: string | undefined, ...more: string[]) =>
    [error ? ids.textError : null, ...more].filter(Boolean).join(" ") || undefined;

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label="New post"
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex gap-3">
        {user ? (
          <Avatar
            username={user.username}
            displayName={user.displayName}
            className="hidden sm:inline-flex"
          />
        ) : null}
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <label htmlFor={ids.text} className="sr-only">
              Write a post
            </label>
            <textarea
              ref={textRef}
              id={ids.text}
              name="text"
              rows={3}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setErrors(({ text: _cleared, ...rest }) => rest);
                clearMessages();
              }}
              onKeyDown={submitOnModEnter}
              readOnly={create.isPending}
              placeholder="What are you making today? Use #tags and @mentions."
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy(errors.text, ids.counter, ids.hint)}
              className={`${inputClassName} min-h-24 resize-y`}
            />
            <FieldError id={ids.textError}>{errors.text}</FieldError>
          </div>

          {warningOn ? (
            <div>
              <label htmlFor={ids.warning} className="mb-1.5 block text-sm font-semibold">
                Content warning
              </label>
              <input
                ref={warningRef}
                id={ids.warning}
                name="contentWarning"
                value={warning}
                maxLength={CONTENT_WARNING_MAX}
                onChange={(e) => {
                  setWarning(e.target.value);
                  setErrors(({ contentWarning: _cleared, ...rest }) => rest);
                }}
                onKeyDown={submitOnModEnter}
                readOnly={create.isPending}
                placeholder="e.g. spoilers, flashing images"
                aria-invalid={errors.contentWarning ? true : undefined}
                aria-describedby={errors.contentWarning ? ids.warningError : undefined}
                className={inputClassName}
              />
              <FieldError id={ids.warningError}>{errors.contentWarning}</FieldError>
            </div>
          ) : null}

          <div className="flex flex-wrap items-center justify-between gap-2">
            <button
              type="button"
              aria-pressed={warningOn}
              onClick={() => {
                setWarningOn((on) => !on);
                setErrors(({ contentWarning: _cleared, ...rest }) => rest);
                // Opening it means wanting to type in it; the field gets focus once rendered.
                if (!warningOn) setTimeout(() => warningRef.current?.focus(), 0);
              }}
              className={buttonClassName({ variant: "ghost", size: "sm", className: "-ml-3" })}
            >
              <span aria-hidden="true" className="text-xs font-bold">
                CW
              </span>
              {warningOn ? "Remove content warning" : "Add content warning"}
            </button>
            <div className="ml-auto flex items-center gap-3">
              <CharacterCounter id={ids.counter} length={text.trim().length} max={POST_TEXT_MAX} />
              <button
                type="submit"
                aria-disabled={create.isPending || undefined}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                className={buttonClassName({ className: "min-w-24" })}
              >
                {create.isPending ? (
                  <>
                    <Spinner /> Posting…
                  </>
                ) : (
                  "Post"
                )}
              </button>
            </div>
          </div>
          <p id={ids.hint} className="sr-only">
            Press Control+Enter or Command+Enter to post.
          </p>
        </div>
      </div>
      <div aria-live="polite" role="status" className="text-sm not-empty:mt-3">
        {create.isPending ? <span className="sr-only">Posting…</span> : null}
        {posted ? (
          <span className="font-medium text-brand-700">
            Your post is live.{" "}
            <Link href={`/p/${posted.id}`} className="underline underline-offset-2">
              View post
            </Link>
          </span>
        ) : null}
      </div>
      {formError ? (
        <p
          role="alert"
          className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      ) : null}
    </form>
  );
}
