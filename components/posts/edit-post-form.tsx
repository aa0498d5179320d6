"use client";

import { useId, useState, type FormEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { useEditPost } from "@/client/hooks/use-post";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import {
  CONTENT_WARNING_MAX,
  POST_TEXT_MAX,
  ZUpdatePostBodySchema,
  type TPost,
} from "@/lib/posts/posts.types";
import { CharacterCounter, POST_LABELS, submitOnModEnter } from "./composer";

/**
 * Edit a post's text and content warning (empty removes it). The replaced version stays in the
 * post's history for readers to see.
 */
export function EditPostForm({ post, onDone }: { post: TPost; onDone: () => void }) {
  const edit = useEditPost(post.id);
  const [text, setText] = useState(post.text);
  const [warning, setWarning] = useState(post.contentWarning ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // FormField ids are made from names: keep them unique when several posts are on the page.
  const prefix = useId().replace(/:/g, "");
  const names = { text: `${prefix}-text`, warning: `${prefix}-warning` };
  const counterId = `${prefix}-counter`;

  function showErrors(next: FieldErrors) {
    setErrors(next);
    const field = next.text ? names.text : next.contentWarning ? names.warning : null;
    if (field) document.getElementById(`field-${field}`)?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (edit.isPending) return;
    setFormError(null);
    const parsed = ZUpdatePostBodySchema.safeParse({ text, contentWarning: warning });
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, POST_LABELS));
    setErrors({});
    edit.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) => {
        const fields = apiFieldErrors(error, POST_LABELS);
        if (Object.keys(fields).length > 0) showErrors(fields);
        else setFormError(`Your changes weren't saved. ${formErrorMessage(error)}`);
      },
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <FormField
        label="Text"
        name={names.text}
        error={errors.text}
        aside={<CharacterCounter id={counterId} length={text.trim().length} max={POST_TEXT_MAX} />}
        describedBy={[counterId]}
      >
        {(control) => (
          <textarea
            {...control}
            value={text}
            rows={6}
            // The dialog opens to edit: start in the text (Dialog puts the caret at the end).
            data-autofocus
            onChange={(e) => {
              setText(e.target.value);
              setErrors(({ text: _cleared, ...rest }) => rest);
            }}
            onKeyDown={submitOnModEnter}
            readOnly={edit.isPending}
            className={`${control.className} resize-y`}
          />
        )}
      </FormField>

      <FormField
        label="Content warning"
        name={names.warning}
        error={errors.contentWarning}
        hint="Optional. Readers click through it to see the post. Leave empty for none."
      >
        {(control) => (
          <input
            {...control}
            value={warning}
            maxLength={CONTENT_WARNING_MAX}
            onChange={(e) => {
              setWarning(e.target.value);
              setErrors(({ contentWarning: _cleared, ...rest }) => rest);
            }}
            onKeyDown={submitOnModEnter}
            readOnly={edit.isPending}
          />
        )}
      </FormField>

      {formError ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button
          type="button"
          onClick={onDone}
          className={buttonClassName({ variant: "secondary" })}
        >
          Cancel
        </button>
        <button
          type="submit"
          aria-disabled={edit.isPending || undefined}
          className={buttonClassName({ className: "sm:min-w-32" })}
        >
          {edit.isPending ? (
            <>
              <Spinner /> Saving…
            </>
          ) : (
            "Save changes"
          )}
        </button>
      </div>
    </form>
  );
}
