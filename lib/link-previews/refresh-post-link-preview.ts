import "server-only";
import { env } from "@/lib/config";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { deleteMediaFiles } from "@/lib/media/delete-media-files";
import { fetchPageMetadata } from "./fetch-page-metadata";
import type { PageMetadata } from "./extract-metadata";
import { firstLink } from "@/lib/posts/parse-post-text";
import { normalizeLinkUrl } from "./normalize-link-url";
import { storeLinkImage, type StoredLinkImage } from "./store-link-image";

/** A preview is fetched again when a post links it after this long. */
export const PREVIEW_FRESH_MS = 7 * 24 * 60 * 60 * 1000;
/** A failed fetch is tried again sooner: the site may have been down for a moment. */
export const FAILED_PREVIEW_FRESH_MS = 60 * 60 * 1000;

export type RefreshResult =
  | { outcome: "no-post" | "no-link" | "changed-meanwhile" }
  | { outcome: "reused" | "fetched" | "failed"; url: string };

/**
 * Gives a post the preview of the first link in its text (the background step behind
 * post.created and post.link.changed): the stored one when it is fresh, else fetched now and
 * stored for every post linking the same URL. Safe to run twice: the second run finds the fresh
 * row. A page that can't be fetched is recorded without a title (no card) rather than thrown:
 * refusing a private address or a 5 s timeout would fail the same way on every retry.
 */
export async function refreshPostLinkPreview(postId: string): Promise<RefreshResult> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { text: true, linkPreviewId: true },
  });
  if (!post) return { outcome: "no-post" };
  const link = firstLink(post.text);
  const url = link ? normalizeLinkUrl(link) : null;
  if (!url) {
    if (post.linkPreviewId) await linkPost(postId, post.text, null);
    return { outcome: "no-link" };
  }

  const stored = await db.linkPreview.findUnique({
    where: { url },
    select: { id: true, title: true, fetchedAt: true },
  });
  const freshFor = stored?.title ? PREVIEW_FRESH_MS : FAILED_PREVIEW_FRESH_MS;
  if (stored && Date.now() - stored.fetchedAt.getTime() < freshFor) {
    return (await linkPost(postId, post.text, stored.id))
      ? { outcome: "reused", url }
      : { outcome: "changed-meanwhile" };
  }

  const fetched = await fetchPreview(url);
  const data = {
    title: fetched?.metadata.title ?? null,
    description: fetched?.metadata.description ?? null,
    siteName: fetched?.metadata.siteName ?? null,
    imageKey: fetched?.image?.key ?? null,
    imageWidth: fetched?.image?.width ?? null,
    imageHeight: fetched?.image?.height ?? null,
    fetchedAt: new Date(),
  };
  const previous = await db.linkPreview.findUnique({ where: { url }, select: { imageKey: true } });
  const row = await db.linkPreview.upsert({
    where: { url },
    create: { url, ...data },
    update: data,
    select: { id: true },
  });
  // The old image's file goes once no row names it; posts read the new key from the row.
  if (previous?.imageKey && previous.imageKey !== data.imageKey) {
    await deleteMediaFiles([previous.imageKey]);
  }
  if (!(await linkPost(postId, post.text, row.id))) return { outcome: "changed-meanwhile" };
  return { outcome: data.title ? "fetched" : "failed", url };
}

/**
 * Points the post at a preview, only if its text is still the text the link was read from: an
 * edit in the meantime published its own event, whose run sets the right one.
 */
async function linkPost(postId: string, text: string, linkPreviewId: string | null) {
  const { count } = await db.post.updateMany({
    where: { id: postId, text },
    data: { linkPreviewId },
  });
  return count > 0;
}

type Fetched = { metadata: PageMetadata; image: StoredLinkImage | null };

async function fetchPreview(url: string): Promise<Fetched | null> {
  const allowHosts = env().LINK_PREVIEW_ALLOW_HOSTS;
  let metadata: PageMetadata;
  try {
    metadata = await fetchPageMetadata(url, allowHosts);
  } catch (error) {
    log.info("link preview not fetched", { url, error });
    return null;
  }
  if (!metadata.title) return { metadata, image: null };
  let image: StoredLinkImage | null = null;
  if (metadata.imageUrl) {
    try {
      image = await storeLinkImage(metadata.imageUrl, allowHosts);
    } catch (error) {
      // A card without its picture is still a card.
      log.info("link preview image not stored", { url, imageUrl: metadata.imageUrl, error });
    }
  }
  return { metadata, image };
}
