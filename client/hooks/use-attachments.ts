import { useCallback, useEffect, useRef, useState } from "react";
import type { TMedia } from "@/lib/media/media.types";
import {
  blamedFile,
  checkFile,
  discardUpload,
  isAbortError,
  uploadErrorMessage,
  useMediaStatus,
  useMediaUpload,
} from "./use-media-upload";

export type Attachment = {
  key: string;
  file: File;
  kind: "image" | "video";
  /** An object URL of the file, for the preview before (and after) it is uploaded. */
  previewUrl: string;
  alt: string;
  /** Set once uploaded, with the alt text it was uploaded with. */
  uploaded: { media: TMedia; alt: string } | null;
  error: string | null;
};

let nextKey = 0;

/**
 * The files attached to a post being written. The API takes alt text only with the upload, so
 * files are uploaded when the post is sent, with the alt text typed by then; an upload whose alt
 * text changed afterwards (after a failed post, say) is uploaded again and the old one deleted.
 */
export function useAttachments() {
  const status = useMediaStatus();
  const { upload, abort, progress, isUploading } = useMediaUpload();
  const [items, setItems] = useState<Attachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const objectUrls = useRef(new Set<string>());
  const max = status.limits.maxFilesPerUpload;

  // Leaving the page: free the previews. (Uploads not yet posted are removed by the server
  // after a day.)
  useEffect(() => {
    const urls = objectUrls.current;
    return () => {
      urls.forEach((url) => URL.revokeObjectURL(url));
      urls.clear();
    };
  }, []);

  const revoke = (url: string) => {
    URL.revokeObjectURL(url);
    objectUrls.current.delete(url);
  };

  /** Adds what fits and is accepted; says why anything else was left out. */
  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const messages: string[] = [];
      const room = max - items.length;
      const accepted: Attachment[] = [];
      let overLimit = 0;
      for (const file of files) {
        const problem = checkFile(file, status);
        if (problem) {
          messages.push(problem);
        } else if (accepted.length >= room) {
          overLimit += 1;
        } else {
          const previewUrl = URL.createObjectURL(file);
          objectUrls.current.add(previewUrl);
          accepted.push({
            key: `attachment-${(nextKey += 1)}`,
            file,
            kind: file.type.startsWith("video/") ? "video" : "image",
            previewUrl,
            alt: "",
            uploaded: null,
            error: null,
          });
        }
      }
      if (overLimit > 0) {
        messages.push(
          `A post can have up to ${max} images or videos: ${overLimit} ${overLimit === 1 ? "file wasn't" : "files weren't"} added.`,
        );
      }
      setNotice(messages.length > 0 ? messages.join(" ") : null);
      if (accepted.length > 0) setItems((current) => [...current, ...accepted]);
    },
    [items.length, max, status],
  );

  const remove = useCallback(
    (key: string) => {
      const item = items.find((i) => i.key === key);
      if (item) {
        revoke(item.previewUrl);
        if (item.uploaded) discardUpload(item.uploaded.media.id);
      }
      setItems((current) => current.filter((i) => i.key !== key));
      setNotice(null);
    },
    [items],
  );

  const setAlt = useCallback((key: string, alt: string) => {
    setItems((current) => current.map((i) => (i.key === key ? { ...i, alt } : i)));
  }, []);

  /** After the post is published: its media belong to it now. */
  const reset = useCallback(() => {
    items.forEach((i) => revoke(i.previewUrl));
    setItems([]);
    setNotice(null);
  }, [items]);

  /**
   * Uploads what needs uploading and resolves to every attachment's media, in order. On a
   * refused file, marks it and rejects; a cancelled upload rejects with an AbortError.
   */
  const uploadAll = useCallback(async (): Promise<TMedia[]> => {
    const needed = items.filter((i) => !i.uploaded || i.uploaded.alt !== i.alt.trim());
    if (needed.length === 0) return items.map((i) => i.uploaded!.media);
    setItems((current) => current.map((i) => ({ ...i, error: null })));
    try {
      const media = await upload(needed.map((i) => ({ file: i.file, alt: i.alt.trim() })));
      const byKey = new Map(needed.map((item, index) => [item.key, media[index]!]));
      // Uploads replaced because their alt text changed.
      needed.forEach((i) => (i.uploaded ? discardUpload(i.uploaded.media.id) : undefined));
      const next = items.map((i) => {
        const fresh = byKey.get(i.key);
        return fresh ? { ...i, uploaded: { media: fresh, alt: i.alt.trim() } } : i;
      });
      setItems((current) => current.map((i) => next.find((n) => n.key === i.key) ?? i));
      return next.map((i) => i.uploaded!.media);
    } catch (error) {
      const index = blamedFile(error);
      const blamed = index === null ? undefined : needed[index];
      if (blamed && !isAbortError(error)) {
        const message = uploadErrorMessage(error, true);
        setItems((current) =>
          current.map((i) => (i.key === blamed.key ? { ...i, error: message } : i)),
        );
      }
      throw error;
    }
  }, [items, upload]);

  return {
    items,
    add,
    remove,
    setAlt,
    reset,
    uploadAll,
    cancelUpload: abort,
    progress,
    isUploading,
    notice,
    clearNotice: () => setNotice(null),
    max,
    acceptedTypes: status.acceptedTypes,
  };
}
