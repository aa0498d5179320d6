"use client";

import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import {
  useNotificationSettings,
  useUpdateNotificationSettings,
} from "@/client/hooks/use-notification-settings";
import { SettingsQueryState } from "./settings-query-state";
import {
  EMAIL_KIND_GROUP,
  EMAIL_KIND_LABELS,
  EMAIL_KINDS,
  type TEmailKind,
  type TEmailKinds,
} from "@/lib/mail/email-kinds";

/**
 * Which kinds of email to get, one checkbox each (checked: mailed), grouped as money and social
 * mail. Each change is saved at once, sending only the kind changed; the result is announced.
 */
export function EmailSettingsForm() {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  // As in NotificationSettingsForm: what is being saved, shown until the save settles, so a
  // controlled checkbox doesn't spring back before the optimistic update lands.
  const [saving, setSaving] = useState<TEmailKinds | null>(null);

  if (settings.status !== "success") {
    return <SettingsQueryState query={settings} rows={EMAIL_KINDS.length} />;
  }

  const current = saving ?? settings.data.emailKinds;
  const toggle = (kind: TEmailKind, on: boolean) => {
    setSaving({ ...current, [kind]: on });
    update.mutate({ emailKinds: { [kind]: on } }, { onSettled: () => setSaving(null) });
  };
  const group = (name: "money" | "social", legend: string) => (
    <fieldset>
      <legend className="text-sm font-medium text-stone-700">{legend}</legend>
      <ul className="mt-1 space-y-1">
        {EMAIL_KINDS.filter((kind) => EMAIL_KIND_GROUP[kind] === name).map((kind) => (
          <li key={kind}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 text-stone-900">
              <input
                type="checkbox"
                checked={current[kind]}
                onChange={(e) => toggle(kind, e.target.checked)}
                className="size-5 accent-brand-600"
              />
              {EMAIL_KIND_LABELS[kind]}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );

  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600">
        Password resets and other account and security emails always arrive.
      </p>
      {group("money", "Money (on unless you switch it off)")}
      {group("social", "Social (off unless you switch it on)")}
      <p role="status" className="mt-2 min-h-5 text-sm">
        {update.isError ? (
          <span className="font-medium text-red-700">
            Not saved: {formErrorMessage(update.error)}
          </span>
        ) : update.isSuccess ? (
          <span className="text-stone-600">Saved.</span>
        ) : null}
      </p>
    </div>
  );
}
