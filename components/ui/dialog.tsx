"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Read out with the title when the dialog opens. */
  description?: ReactNode;
  children: ReactNode;
  /** "lg" and "dark" suit media, as in the lightbox. */
  size?: "sm" | "md" | "lg";
  appearance?: "light" | "dark";
  /** "sheet" rises from the bottom edge at full width, as a phone's menu does. */
  placement?: "center" | "sheet";
};

/**
 * A modal on the native <dialog>: showModal() puts it in the top layer, makes the page behind
 * inert and traps focus, and Escape closes it. Focus goes back to what was focused when it
 * opened. Its content is rendered only while open, so forms inside start afresh each time;
 * mark the control that should take focus first with `data-autofocus`.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = "md",
  appearance = "light",
  placement = "center",
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // Content mounts before showModal(), when it can't take focus yet: focus the element
      // marked data-autofocus now (showModal() focused the first focusable one otherwise).
      const target = dialog.querySelector<HTMLElement>("[data-autofocus]");
      target?.focus();
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
        target.setSelectionRange(target.value.length, target.value.length);
      }
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closed while open (navigating away, say): leave no modal behind.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        onClose();
        // The opener may have gone (a menu item, say): then focus stays where the browser puts it.
        if (opener.current?.isConnected) opener.current.focus();
      }}
      // A click on the dialog element itself, outside the panel, is a click on the backdrop.
      onClick={(event) => {
        if (event.target === event.currentTarget) ref.current?.close();
      }}
      className={`p-0 shadow-xl ${
        placement === "sheet"
          ? "mx-0 mt-auto mb-0 w-full max-w-none rounded-t-2xl pb-[env(safe-area-inset-bottom)]"
          : `m-auto w-[calc(100%-2rem)] rounded-2xl ${
              size === "sm" ? "max-w-sm" : size === "lg" ? "max-w-5xl" : "max-w-lg"
            }`
      } ${
        appearance === "dark"
          ? "bg-stone-950 text-white backdrop:bg-stone-950/80"
          : "bg-white text-stone-900 backdrop:bg-stone-950/50"
      }`}
    >
      {open ? (
        <div className="max-h-[85vh] overflow-y-auto p-5 sm:p-6">
          <h2 id={titleId} className="text-lg font-bold">
            {title}
          </h2>
          {description ? (
            <div
              id={descriptionId}
              className={`mt-1 text-sm ${appearance === "dark" ? "text-stone-300" : "text-stone-600"}`}
            >
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The button that confirms something destructive, as "Delete post" in a confirm dialog. */
export const dangerButtonClassName =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full bg-red-700 px-4 text-sm font-semibold text-white transition-colors hover:bg-red-800 aria-disabled:cursor-not-allowed aria-disabled:bg-red-700/70";
