"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { useCacheSavedProfile, useSaveProfile } from "@/client/hooks/use-update-profile";
import { fieldId, FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ZUpdateProfileBodySchema, type TCurrentUser } from "@/lib/users/users.types";
import { ProfileImages } from "./profile-images";

const FIELDS = ["displayName", "username", "bio", "website", "location"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const LABELS: Record<Field, string> = {
  displayName: "Display name",
  username: "Username",
  bio: "Bio",
  website: "Website",
  location: "Location",
};

const BIO_MAX = 300;
// Announce the bio counter only near the limit, not on every keystroke.
const BIO_WARN_AT = 20;

function valuesOf(user: TCurrentUser): Values {
  return {
    displayName: user.displayName,
    username: user.username,
    bio: user.bio,
    website: user.website ?? "",
    location: user.location ?? "",
  };
}

function BioCounter({ length }: { length: number }) {
  const left = BIO_MAX - length;
  const over = left < 0;
  return (
    <>
      <span
        id="bio-counter"
        className={`text-sm tabular-nums ${over ? "font-semibold text-red-700" : "text-stone-600"}`}
      >
        {length}/{BIO_MAX}
        <span className="sr-only"> characters</span>
      </span>
      <span className="sr-only" aria-live="polite">
        {over
          ? `${-left} ${-left === 1 ? "character" : "characters"} over the limit`
          : left <= BIO_WARN_AT
            ? `${left} ${left === 1 ? "character" : "characters"} left`
            : ""}
      </span>
    </>
  );
}

export function ProfileSettingsForm({ user }: { user: TCurrentUser }) {
  const cacheSavedProfile = useCacheSavedProfile();
  const [saved, setSaved] = useState<TCurrentUser>(user);
  const [values, setValues] = useState<Values>(() => valuesOf(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>("");

  /** After any save (these fields, the photo or the banner): every cached copy follows. */
  const applySaved = (updated: TCurrentUser) => {
    cacheSavedProfile(updated, saved.username);
    setSaved(updated);
  };

  const save = useSaveProfile({
    onSuccess: (updated) => {
      applySaved(updated);
      setValues(valuesOf(updated));
      setStatus("Profile saved.");
    },
    onError: (error) => {
      const fields = apiFieldErrors(error, LABELS);
      if (Object.keys(fields).length > 0) showErrors(fields);
      else setStatus(formErrorMessage(error));
    },
  });

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    setStatus("Your changes weren't saved. Check the highlighted fields.");
    const first = FIELDS.find((f) => next[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const bind = (field: Field) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      setErrors(({ [field]: _cleared, ...rest }) => rest);
      setStatus("");
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setStatus("");
    const parsed = ZUpdateProfileBodySchema.safeParse(values);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, LABELS));
    setErrors({});
    save.mutate(values);
  }

  const succeeded = status === "Profile saved.";

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <ProfileImages user={saved} displayName={values.displayName} onSaved={applySaved} />

      <FormField label={LABELS.displayName} name="displayName" error={errors.displayName}>
        {(control) => (
          <input {...control} {...bind("displayName")} autoComplete="name" maxLength={50} />
        )}
      </FormField>

      <FormField
        label={LABELS.username}
        name="username"
        error={errors.username}
        hint="Letters, digits and underscores. Changing it changes your profile's address."
      >
        {(control) => (
          <input
            {...control}
            {...bind("username")}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={30}
          />
        )}
      </FormField>

      <FormField
        label={LABELS.bio}
        name="bio"
        error={errors.bio}
        aside={<BioCounter length={values.bio.length} />}
        describedBy={["bio-counter"]}
      >
        {(control) => (
          <textarea
            {...control}
            {...bind("bio")}
            rows={4}
            className={`${control.className} resize-y`}
          />
        )}
      </FormField>

      <FormField
        label={LABELS.website}
        name="website"
        error={errors.website}
        hint="Starts with https:// or http://"
      >
        {(control) => (
          <input
            {...control}
            {...bind("website")}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://example.com"
          />
        )}
      </FormField>

      <FormField label={LABELS.location} name="location" error={errors.location}>
        {(control) => <input {...control} {...bind("location")} maxLength={100} />}
      </FormField>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p
          role="status"
          aria-live="polite"
          className={`text-sm font-medium ${succeeded ? "text-brand-700" : "text-red-700"}`}
        >
          {status}
          {succeeded ? (
            <>
              {" "}
              <Link href={`/u/${saved.username}`} className="underline underline-offset-2">
                View your profile
              </Link>
            </>
          ) : null}
        </p>
        <button
          type="submit"
          aria-disabled={save.isPending || undefined}
          className={buttonClassName({ className: "sm:min-w-32" })}
        >
          {save.isPending ? (
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
