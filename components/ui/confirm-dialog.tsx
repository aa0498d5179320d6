"use client";

import { buttonClassName } from "./button";
import { dangerButtonClassName, Dialog } from "./dialog";
import { Spinner } from "./spinner";

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  /** The destructive button, e.g. "Delete post"; `pendingLabel` while it runs. */
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  /** Why the last attempt failed, shown above the buttons. */
  error?: string | null;
};

/**
 * Asks before something that can't be undone. Cancel has focus, so Enter by reflex doesn't
 * destroy anything; while the action runs the dialog stays open and the button can't be pressed
 * twice.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!pending) onClose();
      }}
      size="sm"
      title={title}
      description={description}
    >
      {error ? (
        <p role="alert" className="mb-3 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button
          type="button"
          data-autofocus
          onClick={onClose}
          className={buttonClassName({ variant: "secondary" })}
        >
          Cancel
        </button>
        <button
          type="button"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onConfirm();
          }}
          className={dangerButtonClassName}
        >
          {pending ? (
            <>
              <Spinner /> {pendingLabel}
            </>
          ) : (
            confirmLabel
          )}
        </button>
      </div>
    </Dialog>
  );
}
