import Image from "next/image";
import { isOptimizableMediaUrl } from "@/client/media-url";
import type { TLinkPreview } from "@/lib/link-previews/link-previews.types";

// As wide as the post's text column (post-media.tsx's FULL_SIZES).
const SIZES = "(min-width: 672px) 608px, calc(100vw - 64px)";

/**
 * The card for the first link in a post: the page's image, site, title and description, all
 * one link to the page. The image was fetched and re-encoded by our server (lib/link-previews),
 * so opening a post never tells the linked site who read it. Long words wrap and the
 * description stops at three lines, so the card fits a 320 px screen.
 */
export function LinkPreviewCard({ preview }: { preview: TLinkPreview | null }) {
  if (!preview) return null;
  let host = "";
  try {
    host = new URL(preview.url).hostname;
  } catch {
    // Stored URLs are normalized; an unparsable one just shows no host.
  }
  return (
    <a
      href={preview.url}
      target="_blank"
      // ugc/nofollow: a link someone posted, not one we vouch for.
      rel="noopener noreferrer nofollow ugc"
      data-testid="link-preview"
      className="mt-3 block min-w-0 overflow-hidden rounded-xl border border-stone-200 hover:bg-stone-50"
    >
      {preview.imageUrl ? (
        <span className="relative block aspect-[1.91/1] bg-stone-100">
          <Image
            src={preview.imageUrl}
            alt={`Image from ${preview.siteName ?? host}: ${preview.title}`}
            fill
            sizes={SIZES}
            unoptimized={!isOptimizableMediaUrl(preview.imageUrl)}
            className="object-cover"
          />
        </span>
      ) : null}
      <span className="block min-w-0 px-3 py-2">
        <span className="block truncate text-xs text-stone-600">{preview.siteName ?? host}</span>
        <span className="block font-semibold break-words text-stone-900">{preview.title}</span>
        {preview.description ? (
          <span className="mt-0.5 line-clamp-3 block text-sm break-words text-stone-700">
            {preview.description}
          </span>
        ) : null}
      </span>
    </a>
  );
}
