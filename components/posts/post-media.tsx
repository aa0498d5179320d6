"use client";

import Image from "next/image";
import { useState } from "react";
import { isOptimizableMediaUrl } from "@/client/media-url";
import type { TMedia } from "@/lib/media/media.types";
import { Lightbox } from "./lightbox";

// The media column is the card's width: the page's max-w-2xl less its padding and the card's.
const FULL_SIZES = "(min-width: 672px) 608px, calc(100vw - 64px)";
const HALF_SIZES = "(min-width: 672px) 304px, calc(50vw - 32px)";

/** A lone item keeps its own shape, within limits: very tall or very wide ones are cropped. */
function singleAspect(item: TMedia): string {
  const ratio = item.width > 0 && item.height > 0 ? item.width / item.height : 4 / 3;
  return String(Math.min(2, Math.max(3 / 4, ratio)));
}

/** Cells in a two-column grid: three items put the first one down the whole left side. */
function cellClass(count: number, index: number): string {
  if (count === 3 && index === 0) return "row-span-2";
  return "";
}

function MediaVideo({ item, fill }: { item: TMedia; fill: boolean }) {
  return (
    <video
      controls
      preload="metadata"
      playsInline
      poster={item.posterUrl ?? item.thumbnailUrl}
      src={item.url}
      width={item.width || undefined}
      height={item.height || undefined}
      aria-label={item.alt || "Video"}
      className={`bg-black object-contain ${fill ? "absolute inset-0 size-full" : "h-full w-full"}`}
    />
  );
}

/**
 * A post's images and videos: one alone at its own shape, two to four in a grid, each with its
 * alt text and a blurred placeholder sized before it loads, so nothing jumps. An image opens
 * larger in a lightbox; a video plays in place.
 */
export function PostMedia({ media, large = false }: { media: TMedia[]; large?: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  if (media.length === 0) return null;

  const images = media.filter((m) => m.kind === "image");
  const count = media.length;
  const single = count === 1;

  return (
    <div className="mt-3">
      <ul
        aria-label={single ? undefined : `${count} attachments`}
        className={
          single
            ? "overflow-hidden rounded-xl border border-stone-200"
            : `grid aspect-[16/10] grid-cols-2 gap-0.5 overflow-hidden rounded-xl border border-stone-200 ${
                count > 2 ? "grid-rows-2" : ""
              }`
        }
      >
        {media.map((item, index) => {
          const imageIndex = images.indexOf(item);
          const label = images.length > 1 ? `image ${imageIndex + 1} of ${images.length}` : "image";
          return (
            <li
              key={item.id}
              className={`relative bg-stone-100 ${cellClass(count, index)}`}
              style={single ? { aspectRatio: singleAspect(item) } : undefined}
            >
              {item.kind === "video" ? (
                <MediaVideo item={item} fill />
              ) : (
                <>
                  <Image
                    src={item.url}
                    alt={item.alt}
                    fill
                    sizes={single || (count === 3 && index === 0) ? FULL_SIZES : HALF_SIZES}
                    placeholder={item.blurDataUrl ? "blur" : "empty"}
                    blurDataURL={item.blurDataUrl || undefined}
                    unoptimized={!isOptimizableMediaUrl(item.url)}
                    // The first image of the post page is likely the largest thing in view.
                    preload={large && index === 0}
                    className="object-cover"
                  />
                  {/* A separate button over the image, so the image stays an image to assistive
                      technology (a button's content is read as plain text). */}
                  <button
                    type="button"
                    aria-haspopup="dialog"
                    onClick={() => setOpen(imageIndex)}
                    className="absolute inset-0 size-full cursor-zoom-in rounded-none focus-visible:outline-offset-[-4px]"
                  >
                    <span className="sr-only">Open {label} larger</span>
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <Lightbox
        images={images}
        index={open}
        onIndexChange={setOpen}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
