"use client";

import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import {
  checkFile,
  discardUpload,
  formatBytes,
  isAbortError,
  acceptedTypesText,
  uploadErrorMessage,
  useMediaStatus,
  useMediaUpload,
} from "@/client/hooks/use-media-upload";
import { saveProfile } from "@/client/hooks/use-update-profile";
import { AttachButton, UploadProgress } from "@/components/posts/media-picker";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Avatar } from "@/components/users/avatar";
import { ProfileBanner } from "@/components/users/profile-header";
import type { TCurrentUser } from "@/lib/users/users.types";

type Kind = "avatar" | "banner";

const COPY: Record<Kind, { title: string; noun: string; hint: string }> = {
  avatar: { title: "Profile photo", noun: "photo", hint: "Square works best." },
  banner: { title: "Banner", noun: "banner", hint: "Wide works best, about 3 to 1." },
};

function saveImage(kind: Kind, id: string | null) {
  return saveProfile(kind === "avatar" ? { avatarId: id } : { bannerId: id });
}

/**
 * Upload, replace or remove one profile image. Each change is saved at once (upload, then point
 * the profile at it), apart from the form's other fields.
 */
function ImageSetting({
  kind,
  current,
  onSaved,
}: {
  kind: Kind;
  current: string | null;
  onSaved: (user: TCurrentUser) => void;
}) {
  const status = useMediaStatus();
  const { upload, abort, progress } = useMediaUpload();
  const [saving, setSaving] = useState<"upload" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const copy = COPY[kind];
  const imageTypes = status.acceptedTypes.filter((t) => t.startsWith("image/"));

  async function onFiles(files: File[]) {
    const file = files[0];
    if (!file || saving) return;
    setError(null);
    setMessage("");
    const problem = checkFile(file, status, "image");
    if (problem) return setError(problem);
    setSaving("upload");
    try {
      const [media] = await upload([{ file, alt: "" }]);
      if (!media) throw new Error("The upload answered without the image.");
      try {
        onSaved(await saveImage(kind, media.id));
      } catch (saveError) {
        discardUpload(media.id);
        throw saveError;
      }
      setMessage(`${copy.title} updated.`);
    } catch (failure) {
      setError(
        isAbortError(failure)
          ? "Upload cancelled."
          : `Your ${copy.noun} wasn't changed. ${uploadErrorMessage(failure, true)}`,
      );
    } finally {
      setSaving(null);
    }
  }

  async function onRemove() {
    if (saving) return;
    setError(null);
    setMessage("");
    setSaving("remove");
    try {
      onSaved(await saveImage(kind, null));
      setMessage(`${copy.title} removed.`);
    } catch (failure) {
      setError(`Your ${copy.noun} wasn't removed. ${formErrorMessage(failure)}`);
    } finally {
      setSaving(null);
    }
  }

  const hintId = `${kind}-image-hint`;
  return (
    <div
      role="group"
      aria-labelledby={`${kind}-image-title`}
      aria-describedby={hintId}
      className="space-y-2"
    >
      <h3 id={`${kind}-image-title`} className="text-sm font-semibold text-stone-900">
        {copy.title}
      </h3>
      <p id={hintId} className="text-sm text-stone-600">
        {copy.hint} {acceptedTypesText(imageTypes)}, up to {formatBytes(status.limits.imageBytes)}.
      </p>
      <div className="flex flex-wrap gap-2">
        <AttachButton
          accept={imageTypes}
          multiple={false}
          onFiles={(files) => void onFiles(files)}
          disabled={saving !== null}
          className={buttonClassName({
            variant: "secondary",
            size: "sm",
            className: "aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
          })}
        >
          {saving === "upload" ? <Spinner /> : null}
          {current ? `Change ${copy.noun}` : `Upload ${copy.noun}`}
        </AttachButton>
        {current ? (
          <button
            type="button"
            onClick={() => void onRemove()}
            aria-disabled={saving !== null || undefined}
            className={buttonClassName({
              variant: "ghost",
              size: "sm",
              className: "aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
            })}
          >
            {saving === "remove" ? <Spinner /> : null}
            Remove {copy.noun}
          </button>
        ) : null}
      </div>
      {progress !== null ? (
        <UploadProgress label={`Uploading ${copy.noun}`} value={progress} onCancel={abort} />
      ) : null}
      <p role="status" aria-live="polite" className="text-sm font-medium text-brand-700">
        {message}
      </p>
      {error ? (
        <p role="alert" className="flex gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The profile's photo and banner as others see them, with controls to change each. */
export function ProfileImages({
  user,
  displayName,
  onSaved,
}: {
  user: TCurrentUser;
  /** As typed in the form, for the initials shown while there is no photo. */
  displayName: string;
  onSaved: (user: TCurrentUser) => void;
}) {
  return (
    <section aria-labelledby="profile-images-title" className="space-y-4">
      <h2 id="profile-images-title" className="text-base font-bold text-stone-900">
        Photo and banner
      </h2>
      <div className="overflow-hidden rounded-xl border border-stone-200">
        <ProfileBanner username={user.username} bannerUrl={user.bannerUrl} />
        <div className="px-4 pb-3">
          <Avatar
            username={user.username}
            displayName={displayName || user.displayName}
            avatarUrl={user.avatarUrl}
            size="xl"
            className="relative -mt-12 border-4 border-white sm:-mt-14"
          />
        </div>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <ImageSetting kind="avatar" current={user.avatarUrl} onSaved={onSaved} />
        <ImageSetting kind="banner" current={user.bannerUrl} onSaved={onSaved} />
      </div>
    </section>
  );
}
