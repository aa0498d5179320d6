import "server-only";
import { mediaUrl } from "@/lib/media/to-media";
import type { LinkPreviewRow } from "./link-preview-select";
import type { TLinkPreview } from "./link-previews.types";

/** A stored preview as posts carry it; null (no card) when the page gave no title. */
export function toLinkPreview(row: LinkPreviewRow | null): TLinkPreview | null {
  if (!row?.title) return null;
  return {
    url: row.url,
    title: row.title,
    description: row.description,
    siteName: row.siteName,
    imageUrl: mediaUrl(row.imageKey),
  };
}
