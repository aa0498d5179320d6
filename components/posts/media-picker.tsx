"use client";

import { useRef, useState, type ClipboardEvent, type DragEvent, type ReactNode } from "react";
import type { Attachment } from "@/client/hooks/use-attachments";
import { buttonClassName } from "@/components/ui/button";
import { CloseIcon, ImageIcon } from "@/components/ui/icons";
import { ALT_TEXT_MAX } from "@/lib/media/media.types";

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/**
 * Files dropped anywhere on an element: `dragging` is true while files are held over it (a
 * counter, since dragenter and dragleave fire for every child crossed).
 */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!enabled || !hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!enabled || !hasFiles(event)) return;
      // Without this the browser opens the file instead of dropping it here.
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    },
    onDragLeave: (event: DragEvent) => {
      if (!enabled || !hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (enabled) onFiles(Array.from(event.dataTransfer.files));
    },
  };
  return { dragging, handlers };
}

/**
 * Images pasted into a text field become attachments. When the clipboard also holds text (a
 * copied document with a picture in it), the text is pasted as usual and nothing is attached.
 */
export function pastedFiles(event: ClipboardEvent): File[] {
  const data = event.clipboardData;
  if (data.files.length === 0 || data.types.includes("text/plain")) return [];
  event.preventDefault();
  return Array.from(data.files);
}

/** A button that opens the file chooser, for keyboards and screen readers as much as mice. */
export function AttachButton({
  accept,
  onFiles,
  disabled,
  label = "Add photos or video",
  multiple = true,
  className,
  children,
}: {
  accept: string[];
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  label?: string;
  multiple?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        aria-disabled={disabled || undefined}
        onClick={() => {
          if (!disabled) input.current?.click();
        }}
        className={
          className ??
          buttonClassName({
            variant: "ghost",
            size: "sm",
            className: "aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
          })
        }
      >
        {children ?? (
          <>
            <ImageIcon />
            {label}
          </>
        )}
      </button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept.join(",")}
        hidden
        tabIndex={-1}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Choosing the same file again after removing it should still count as a change.
          event.target.value = "";
        }}
      />
    </>
  );
}

/** A determinate progress bar with the percentage beside it. */
export function UploadProgress({
  label,
  value,
  onCancel,
}: {
  label: string;
  /** 0 to 1. */
  value: number;
  onCancel?: () => void;
}) {
  const percent = Math.round(value * 100);
  return (
    <div className="flex items-center gap-3">
      <div className="min-w-0 flex-1">
        <div className="mb-1 flex justify-between text-sm text-stone-700">
          <span>{label}</span>
          <span className="tabular-nums" aria-hidden="true">
            {percent}%
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div
            className="h-full rounded-full bg-brand-600 transition-[width] duration-200 motion-reduce:transition-none"
            style={{ width: `${percent}%` }}
          />
        </div>
      </div>
      {onCancel ? (
        <button
          type="button"
          onClick={onCancel}
          className={buttonClassName({ variant: "secondary", size: "sm" })}
        >
          Cancel upload
        </button>
      ) : null}
    </div>
  );
}

function Preview({ item }: { item: Attachment }) {
  const server = item.uploaded?.media;
  const className = "size-full object-cover";
  if (item.kind === "video") {
    // The server's poster once uploaded; before that the video's own first frame.
    return server ? (
      // eslint-disable-next-line @next/next/no-img-element -- a 80px preview of a fresh upload
      <img src={server.thumbnailUrl} alt="" className={className} />
    ) : (
      <video src={item.previewUrl} muted preload="metadata" className={className} />
    );
  }
  return (
    // An object URL (a blob:) can't go through next/image's optimizer.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={server?.thumbnailUrl ?? item.previewUrl} alt="" className={className} />
  );
}

/** "image 2", "video 1": each counted among its own kind, as a post shows them. */
export function attachmentNames(items: Pick<Attachment, "kind">[]): string[] {
  return items.map(
    (item, index) =>
      `${item.kind} ${items.slice(0, index + 1).filter((i) => i.kind === item.kind).length}`,
  );
}

/**
 * The attached files, each with a preview, a labelled alt text field and a remove button. While
 * they upload, nothing can be changed.
 */
export function AttachmentList({
  items,
  locked,
  onAltChange,
  onRemove,
  idPrefix,
}: {
  items: Attachment[];
  locked: boolean;
  onAltChange: (key: string, alt: string) => void;
  onRemove: (key: string) => void;
  idPrefix: string;
}) {
  if (items.length === 0) return null;
  const names = attachmentNames(items);
  return (
    <ul aria-label="Attachments" className="space-y-3">
      {items.map((item, index) => {
        const name = names[index]!;
        const altId = `${idPrefix}-${item.key}-alt`;
        const errorId = `${altId}-error`;
        return (
          <li
            key={item.key}
            className={`flex gap-3 rounded-xl border p-2 ${
              item.error ? "border-red-300 bg-red-50/50" : "border-stone-200 bg-stone-50"
            }`}
          >
            <div className="relative size-16 shrink-0 overflow-hidden rounded-lg bg-stone-200 sm:size-24">
              <Preview item={item} />
              {item.kind === "video" ? (
                <span className="absolute bottom-1 left-1 rounded bg-stone-950/75 px-1.5 text-xs font-semibold text-white">
                  Video
                </span>
              ) : null}
            </div>
            <div className="min-w-0 flex-1">
              <div className="flex items-start justify-between gap-2">
                <label
                  htmlFor={altId}
                  className="min-w-0 flex-1 pt-1 text-sm font-semibold text-stone-900"
                >
                  Alt text<span className="sr-only"> for {name}</span>
                  <span className="block truncate text-xs font-normal text-stone-600">
                    {item.file.name}
                  </span>
                </label>
                <button
                  type="button"
                  onClick={() => {
                    if (!locked) onRemove(item.key);
                  }}
                  aria-disabled={locked || undefined}
                  className="-mt-1 -mr-1 inline-flex size-9 shrink-0 items-center justify-center rounded-full text-stone-600 hover:bg-stone-200 hover:text-stone-900 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
                >
                  <CloseIcon />
                  <span className="sr-only">Remove {name}</span>
                </button>
              </div>
              <textarea
                id={altId}
                rows={2}
                value={item.alt}
                maxLength={ALT_TEXT_MAX}
                readOnly={locked}
                onChange={(e) => onAltChange(item.key, e.target.value)}
                placeholder={`Describe this ${item.kind}`}
                aria-invalid={item.error ? true : undefined}
                aria-describedby={item.error ? errorId : undefined}
                className="mt-1 block w-full resize-y rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 placeholder:text-stone-500 focus:border-brand-600"
              />
              {item.error ? (
                <p id={errorId} className="mt-1 flex gap-1.5 text-sm font-medium text-red-700">
                  <span aria-hidden="true">⚠</span>
                  <span>{item.error} Post to try it again, or remove it.</span>
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
