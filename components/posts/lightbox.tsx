"use client";

import Image from "next/image";
import type { KeyboardEvent } from "react";
import { isOptimizableMediaUrl } from "@/client/media-url";
import { Dialog } from "@/components/ui/dialog";
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from "@/components/ui/icons";
import type { TMedia } from "@/lib/media/media.types";

export type LightboxProps = {
  images: TMedia[];
  /** The image shown; null when closed. */
  index: number | null;
  onIndexChange: (index: number) => void;
  onClose: () => void;
};

const navButton =
  "inline-flex min-h-11 items-center gap-1 rounded-full border border-stone-600 px-4 text-sm font-semibold text-white hover:bg-stone-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-40";

/**
 * A post's images one at a time, as large as the screen allows, with their alt text. Left and
 * right arrows step between them; Escape, the Close button or a click outside closes it, and
 * focus goes back to the image that opened it (the Dialog does both).
 */
export function Lightbox({ images, index, onIndexChange, onClose }: LightboxProps) {
  const open = index !== null && images[index] !== undefined;
  const current = open ? images[index] : undefined;
  const count = images.length;
  const at = index ?? 0;

  const step = (delta: number) => {
    const next = at + delta;
    if (next >= 0 && next < count) onIndexChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      step(-1);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      step(1);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={count > 1 ? `Image ${at + 1} of ${count}` : "Image"}
      description={
        count > 1 ? (
          // Phones have no arrow keys; screen readers on them still hear it.
          <span className="max-sm:sr-only">
            Use the left and right arrow keys to move between images.
          </span>
        ) : null
      }
      size="lg"
      appearance="dark"
    >
      {current ? (
        <div onKeyDown={onKeyDown} className="space-y-4">
          <div className="flex justify-center">
            <Image
              key={current.id}
              src={current.url}
              alt={current.alt}
              width={current.width}
              height={current.height}
              sizes="(min-width: 1024px) 1024px, 100vw"
              placeholder={current.blurDataUrl ? "blur" : "empty"}
              blurDataURL={current.blurDataUrl || undefined}
              unoptimized={!isOptimizableMediaUrl(current.url)}
              // The dialog is at most 85vh: leave room for the title, alt text and buttons.
              className="h-auto max-h-[calc(85vh-15rem)] w-auto max-w-full rounded-lg object-contain"
            />
          </div>
          {current.alt ? (
            <p className="text-sm break-words whitespace-pre-line text-stone-200">
              <span className="font-semibold text-white">Alt text: </span>
              {current.alt}
            </p>
          ) : (
            <p className="text-sm text-stone-400">No description was given for this image.</p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2">
            {count > 1 ? (
              <div className="flex gap-2">
                <button
                  type="button"
                  onClick={() => step(-1)}
                  aria-disabled={at === 0 || undefined}
                  className={navButton}
                >
                  <ChevronLeftIcon />
                  Previous
                </button>
                <button
                  type="button"
                  onClick={() => step(1)}
                  aria-disabled={at === count - 1 || undefined}
                  className={navButton}
                >
                  Next
                  <ChevronRightIcon />
                </button>
              </div>
            ) : (
              <span />
            )}
            <button
              type="button"
              data-autofocus
              onClick={onClose}
              className="inline-flex min-h-11 items-center gap-1 rounded-full bg-white px-4 text-sm font-semibold text-stone-900 hover:bg-stone-200"
            >
              <CloseIcon />
              Close
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
