"use client";

import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import {
  useNotificationSettings,
  useUpdateNotificationSettings,
} from "@/client/hooks/use-notification-settings";
import { SettingsQueryState } from "./settings-query-state";
import {
  MUTABLE_NOTIFICATION_KINDS,
  type TMutableNotificationKind,
} from "@/lib/notifications/notifications.types";

const LABELS: Record<TMutableNotificationKind, string> = {
  new_post: "New posts from people I follow",
  like: "Likes on my posts",
  comment: "Comments on my posts",
  reply: "Replies to my comments",
  follow: "New followers",
  mention: "Mentions of me",
  payment_received: "Tips and purchases",
  repost: "Reposts of my posts",
  quote: "Quotes of my posts",
};

/**
 * Which kinds of notification to get, one checkbox each (checked: notified). Each change is
 * saved at once; the result is announced.
 */
export function NotificationSettingsForm() {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  // The kinds being saved, shown until the save settles. The hook's optimistic update lands a
  // few ticks after the click (it awaits before writing the cache), and a controlled checkbox
  // would spring back in between; state set in the click's own handler never does.
  const [saving, setSaving] = useState<TMutableNotificationKind[] | null>(null);

  if (settings.status !== "success") {
    return <SettingsQueryState query={settings} rows={MUTABLE_NOTIFICATION_KINDS.length} />;
  }

  const muted = new Set(saving ?? settings.data.mutedKinds);
  const toggle = (kind: TMutableNotificationKind, notify: boolean) => {
    const next = new Set(muted);
    if (notify) next.delete(kind);
    else next.add(kind);
    const mutedKinds = MUTABLE_NOTIFICATION_KINDS.filter((k) => next.has(k));
    setSaving(mutedKinds);
    // Settled: the cache holds what the server saved (or, on failure, what it had before).
    update.mutate({ mutedKinds }, { onSettled: () => setSaving(null) });
  };

  return (
    <fieldset>
      <legend className="text-sm text-stone-600">
        Welcomes and purchase receipts always arrive.
      </legend>
      <ul className="mt-3 space-y-1">
        {MUTABLE_NOTIFICATION_KINDS.map((kind) => (
          <li key={kind}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 text-stone-900">
              <input
                type="checkbox"
                checked={!muted.has(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
                className="size-5 accent-brand-600"
              />
              {LABELS[kind]}
            </label>
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 min-h-5 text-sm">
        {update.isError ? (
          <span className="font-medium text-red-700">
            Not saved: {formErrorMessage(update.error)}
          </span>
        ) : update.isSuccess ? (
          <span className="text-stone-600">Saved.</span>
        ) : null}
      </p>
    </fieldset>
  );
}
