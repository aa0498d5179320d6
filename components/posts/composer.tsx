"use client";

import Link from "next/link";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { useAttachments } from "@/client/hooks/use-attachments";
import { useCreatePost } from "@/client/hooks/use-create-post";
import { useCurrentUser } from "@/client/hooks/use-current-user";
import { useDebouncedValue } from "@/client/hooks/use-debounced-value";
import { isAbortError, uploadErrorMessage } from "@/client/hooks/use-media-upload";
import { inputClassName } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Avatar } from "@/components/users/avatar";
import {
  CONTENT_WARNING_MAX,
  POST_TEXT_MAX,
  ZCreatePostBodySchema,
  type TPost,
} from "@/lib/posts/posts.types";
import { ComposerPrice, EMPTY_PRICE_DRAFT, priceFromDraft } from "./composer-price";
import { useComposerAutocomplete } from "./composer-suggestions";
import {
  AttachButton,
  AttachmentList,
  attachmentNames,
  pastedFiles,
  UploadProgress,
  useFileDrop,
} from "./media-picker";

export const POST_LABELS = { text: "Post", contentWarning: "Content warning" };

/** Ctrl+Enter (Cmd+Enter on a Mac) in a field submits its form, as in most composers. */
export function submitOnModEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  (event.currentTarget as HTMLInputElement).form?.requestSubmit();
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Image 1", "Image 1 and image 2", "Image 1, image 2 and image 3". */
function listNames(names: string[]): string {
  const text =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
 * Write a post: a labelled textarea with a live counter, an optional content warning, up to four
 * images or videos (chosen, dropped on the composer or pasted into the text) with alt text,
 * Ctrl/Cmd+Enter to post. What happens is announced: uploading, posting, posted, or what went
 * wrong.
 */
export function Composer() {
  const { user } = useCurrentUser();
  const create = useCreatePost();
  const attachments = useAttachments();
  // Waiting for uploads to finish (and alt text to save) before publishing.
  const [sending, setSending] = useState(false);
  const busy = create.isPending || sending;
  const drop = useFileDrop(attachments.add, !busy);
  const [text, setText] = useState("");
  const overLimit = text.trim().length > POST_TEXT_MAX;
  const [warningOn, setWarningOn] = useState(false);
  const [warning, setWarning] = useState("");
  const [priceDraft, setPriceDraft] = useState(EMPTY_PRICE_DRAFT);
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
  const autocomplete = useComposerAutocomplete({
    id,
    text,
    onPick: (next, caret) => {
      setText(next);
      // After React has put the new text in the textarea.
      requestAnimationFrame(() => textRef.current?.setSelectionRange(caret, caret));
    },
  });
  const missingAlt = attachmentNames(attachments.items).filter(
    (name, index) => name.startsWith("image") && !attachments.items[index]!.alt.trim(),
  );

  const clearMessages = () => {
    setFormError(null);
    setPosted(null);
  };

  function showErrors(next: FieldErrors) {
    setErrors(next);
    if (next.text) textRef.current?.focus();
    else if (next.contentWarning) warningRef.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || overLimit) return;
    clearMessages();
    const hasMedia = attachments.items.length > 0;
    if (!text.trim() && !hasMedia) {
      return showErrors({ text: "Write something or add a photo to post." });
    }
    const price = priceFromDraft(priceDraft);
    if (price === null) return setFormError("Enter a price from 0.50 to 500.00, like 2.50.");
    const body = { text, contentWarning: warningOn ? warning : undefined, price };
    // Checked before uploading, so a post that's too long doesn't wait for its files first. (A
    // stand-in for empty text: the media that make it valid have no ids yet.)
    const precheck = ZCreatePostBodySchema.safeParse(text.trim() ? body : { ...body, text: "." });
    if (!precheck.success) return showErrors(zodFieldErrors(precheck.error, POST_LABELS));
    setErrors({});

    let mediaIds: string[] | undefined;
    if (hasMedia) {
      setSending(true);
      try {
        mediaIds = (await attachments.whenReady()).map((m) => m.id);
      } catch (error) {
        setFormError(
          isAbortError(error)
            ? "Upload cancelled. Your post wasn't published."
            : `Your post wasn't published. ${uploadErrorMessage(error)}`,
        );
        return;
      } finally {
        setSending(false);
      }
    }
    const parsed = ZCreatePostBodySchema.safeParse({ ...body, mediaIds });
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, POST_LABELS));
    create.mutate(parsed.data, {
      onSuccess: (post) => {
        setText("");
        setWarning("");
        setWarningOn(false);
        setPriceDraft(EMPTY_PRICE_DRAFT);
        attachments.reset();
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
      onSubmit={(event) => void onSubmit(event)}
      aria-label="New post"
      {...drop.handlers}
      className={`relative rounded-2xl border bg-white p-4 shadow-sm sm:p-5 ${
        drop.dragging ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"
      }`}
    >
      {drop.dragging ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-1 z-10 flex items-center justify-center rounded-xl border-2 border-dashed border-brand-600 bg-brand-50/90 text-base font-semibold text-brand-700"
        >
          Drop images or videos to attach them
        </div>
      ) : null}
      <div className="flex gap-3">
        {user ? (
          // A wrapper to hide it on phones: on the Avatar itself, its inline-flex would win.
          <div className="hidden sm:block">
            <Avatar
              username={user.username}
              displayName={user.displayName}
              avatarUrl={user.avatarUrl}
            />
          </div>
        ) : null}
        <div className="min-w-0 flex-1 space-y-3">
          <div className="relative">
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
              {...autocomplete.textareaProps}
              onKeyDown={(event) => {
                if (!autocomplete.onKeyDown(event)) submitOnModEnter(event);
              }}
              onPaste={(e) => {
                if (!busy) attachments.add(pastedFiles(e));
              }}
              readOnly={busy}
              placeholder="What are you making today? Use #tags and @mentions."
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy(errors.text, ids.counter, ids.hint)}
              className={`${inputClassName} min-h-24 resize-y`}
            />
            {autocomplete.listbox}
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
                readOnly={busy}
                placeholder="e.g. spoilers, flashing images"
                aria-invalid={errors.contentWarning ? true : undefined}
                aria-describedby={errors.contentWarning ? ids.warningError : undefined}
                className={inputClassName}
              />
              <FieldError id={ids.warningError}>{errors.contentWarning}</FieldError>
            </div>
          ) : null}

          <AttachmentList
            items={attachments.items}
            locked={busy}
            onAltChange={attachments.setAlt}
            onRemove={attachments.remove}
            idPrefix={id}
          />
          {attachments.notice ? (
            <p role="alert" className="flex gap-1.5 text-sm font-medium text-red-700">
              <span aria-hidden="true">⚠</span>
              <span>{attachments.notice}</span>
            </p>
          ) : null}
          {/* Always in the page, so the reminder is announced when it appears. */}
          <p aria-live="polite" className="text-sm text-amber-800 empty:hidden">
            {missingAlt.length > 0
              ? `${listNames(missingAlt)} ${missingAlt.length === 1 ? "has" : "have"} no alt text. Describe ${missingAlt.length === 1 ? "it" : "them"} for people who can't see ${missingAlt.length === 1 ? "it" : "them"}; you can still post without.`
              : null}
          </p>
          {attachments.progress !== null ? (
            <UploadProgress
              label={`Uploading ${attachments.uploadingCount === 1 ? "1 file" : `${attachments.uploadingCount} files`}`}
              value={attachments.progress}
              onCancel={attachments.cancelUploads}
            />
          ) : null}

          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="-ml-3 flex flex-wrap items-center gap-1">
              <AttachButton
                accept={attachments.acceptedTypes}
                onFiles={attachments.add}
                disabled={busy || attachments.items.length >= attachments.max}
                label={
                  attachments.items.length >= attachments.max
                    ? `${attachments.max} attached (the most a post holds)`
                    : "Add photos or video"
                }
              />
              <button
                type="button"
                aria-pressed={warningOn}
                onClick={() => {
                  setWarningOn((on) => !on);
                  setErrors(({ contentWarning: _cleared, ...rest }) => rest);
                  // Opening it means wanting to type in it; the field gets focus once rendered.
                  if (!warningOn) setTimeout(() => warningRef.current?.focus(), 0);
                }}
                className={buttonClassName({ variant: "ghost", size: "sm" })}
              >
                <span aria-hidden="true" className="text-xs font-bold">
                  CW
                </span>
                {warningOn ? "Remove content warning" : "Add content warning"}
              </button>
              <ComposerPrice draft={priceDraft} onChange={setPriceDraft} disabled={busy} />
            </div>
            <div className="ml-auto flex items-center gap-3">
              <CharacterCounter id={ids.counter} length={text.trim().length} max={POST_TEXT_MAX} />
              <button
                type="submit"
                aria-disabled={busy || overLimit || undefined}
                aria-describedby={overLimit ? ids.counter : undefined}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                className={buttonClassName({ className: "min-w-24" })}
              >
                {busy ? (
                  <>
                    <Spinner /> {sending && attachments.isUploading ? "Uploading…" : "Posting…"}
                  </>
                ) : (
                  "Post"
                )}
              </button>
            </div>
          </div>
          <p id={ids.hint} className="sr-only">
            Press Control+Enter or Command+Enter to post. Paste or drop images to attach them.
          </p>
        </div>
      </div>
      <div aria-live="polite" role="status" className="text-sm not-empty:mt-3">
        {create.isPending ? <span className="sr-only">Posting…</span> : null}
        {attachments.isUploading ? <span className="sr-only">Uploading…</span> : null}
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
