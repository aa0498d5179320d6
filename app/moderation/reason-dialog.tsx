"use client";

import { useId, useState } from "react";
import { inputClassName } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { dangerButtonClassName, Dialog } from "@/components/ui/dialog";

export type PendingAction = {
  title: string;
  confirm: string;
  run: (reason: string) => Promise<unknown>;
};

/** Asks why before a moderation action runs: every action is logged with its reason. */
export function ReasonDialog({
  action,
  onClose,
}: {
  action: PendingAction | null;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason("");
    setError(null);
    onClose();
  };
  return (
    <Dialog open={action !== null} onClose={close} title={action?.title ?? ""} size="sm">
      <form
        className="space-y-4"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!action || busy) return;
          if (!reason.trim()) return setError("Say why: it goes in the moderation log.");
          setBusy(true);
          try {
            await action.run(reason.trim());
            close();
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : "That didn't work. Try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            Reason
          </label>
          <textarea
            id={id}
            data-autofocus
            required
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={error ? true : undefined}
            className={`${inputClassName} mt-1`}
          />
        </div>
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={close}
            className={buttonClassName({ variant: "secondary" })}
          >
            Cancel
          </button>
          <button type="submit" aria-disabled={busy} className={dangerButtonClassName}>
            {busy ? "Working…" : (action?.confirm ?? "Confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
