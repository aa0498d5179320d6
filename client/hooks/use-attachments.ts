import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/client/api-fetch";
import type { TMedia } from "@/lib/media/media.types";
import {
  checkFile,
  discardUpload,
  isAbortError,
  uploadErrorMessage,
  uploadMediaFiles,
  useMediaStatus,
} from "./use-media-upload";

export type Attachment = {
  key: string;
  file: File;
  kind: "image" | "video";
  /** An object URL of the file, for the preview before (and after) it is uploaded. */
  previewUrl: string;
  alt: string;
  status: "uploading" | "uploaded" | "failed";
  /** 0 to 1 while uploading. */
  progress: number;
  /** Set once uploaded, with the alt text the server has for it. */
  uploaded: { media: TMedia; alt: string } | null;
  error: string | null;
};

let nextKey = 0;

const cancelled = () => new DOMException("The upload was cancelled.", "AbortError");

/**
 * The files attached to a post being written. Each starts uploading as soon as it is added (its
 * own request, so removing or cancelling one never costs another its progress); the post waits
 * for them. Alt text typed later is saved with `PATCH /api/media/{id}` when the post is sent.
 */
export function useAttachments() {
  const status = useMediaStatus();
  const [items, setItems] = useState<Attachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const objectUrls = useRef(new Set<string>());
  const controllers = useRef(new Map<string, AbortController>());
  const uploads = useRef(new Map<string, Promise<TMedia>>());
  // The latest items, for callbacks that run after an await.
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
  }, [items]);
  const max = status.limits.maxFilesPerUpload;

  // Leaving the page: stop uploads and free the previews. (Uploads not yet posted are removed by
  // the server after a day.)
  useEffect(() => {
    const urls = objectUrls.current;
    const running = controllers.current;
    return () => {
      running.forEach((controller) => controller.abort());
      urls.forEach((url) => URL.revokeObjectURL(url));
      urls.clear();
    };
  }, []);

  const update = (key: string, change: Partial<Attachment>) =>
    setItems((current) => current.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const drop = useCallback((keys: string[]) => {
    for (const key of keys) {
      const item = latest.current.find((i) => i.key === key);
      if (item) {
        URL.revokeObjectURL(item.previewUrl);
        objectUrls.current.delete(item.previewUrl);
      }
      uploads.current.delete(key);
    }
    setItems((current) => current.filter((i) => !keys.includes(i.key)));
  }, []);

  /** Uploads one attachment; a cancelled one leaves the list. */
  const start = useCallback(
    (item: Pick<Attachment, "key" | "file">): Promise<TMedia> => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      update(item.key, { status: "uploading", progress: 0, error: null });
      const upload = uploadMediaFiles([{ file: item.file, alt: "" }], {
        signal: controller.signal,
        onProgress: (progress) => update(item.key, { progress }),
      })
        .then(([media]) => {
          update(item.key, {
            status: "uploaded",
            progress: 1,
            uploaded: { media: media!, alt: "" },
          });
          return media!;
        })
        .catch((error: unknown) => {
          if (isAbortError(error)) drop([item.key]);
          else update(item.key, { status: "failed", error: uploadErrorMessage(error, true) });
          throw error;
        })
        .finally(() => {
          if (controllers.current.get(item.key) === controller)
            controllers.current.delete(item.key);
        });
      // Failures show on the item; only a post waiting for it needs the rejection.
      upload.catch(() => undefined);
      uploads.current.set(item.key, upload);
      return upload;
    },
    [drop],
  );

  /** Adds what fits and is accepted, and starts uploading it; says why anything was left out. */
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
            status: "uploading",
            progress: 0,
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
      if (accepted.length === 0) return;
      setItems((current) => [...current, ...accepted]);
      accepted.forEach((item) => void start(item));
    },
    [items.length, max, status, start],
  );

  /** Removes one: its upload is stopped, or the uploaded file deleted. */
  const remove = useCallback(
    (key: string) => {
      const item = latest.current.find((i) => i.key === key);
      controllers.current.get(key)?.abort();
      if (item?.uploaded) discardUpload(item.uploaded.media.id);
      drop([key]);
      setNotice(null);
    },
    [drop],
  );

  /** Stops every upload still running; those files leave the list. */
  const cancelUploads = useCallback(() => {
    if (controllers.current.size === 0) return;
    controllers.current.forEach((controller) => controller.abort());
    setNotice("Upload cancelled.");
  }, []);

  const setAlt = useCallback((key: string, alt: string) => update(key, { alt }), []);

  /** After the post is published: its media belong to it now. */
  const reset = useCallback(() => {
    drop(latest.current.map((i) => i.key));
    setNotice(null);
  }, [drop]);

  /**
   * Every attachment's media, in order, once uploaded (a failed one is tried again) and with its
   * alt text saved. Rejects if an upload fails, or with an AbortError if one is cancelled.
   */
  const whenReady = useCallback(async (): Promise<TMedia[]> => {
    const keysOf = (list: Attachment[]) => list.map((i) => i.key).join(" ");
    const waited = latest.current;
    const media = await Promise.all(
      waited.map(
        (item) =>
          (item.status === "failed" ? start(item) : uploads.current.get(item.key)) ??
          Promise.reject(cancelled()),
      ),
    );
    // One removed while the post waited: don't post without it unannounced.
    if (keysOf(latest.current) !== keysOf(waited)) throw cancelled();
    await Promise.all(
      latest.current.map(async (item, index) => {
        const alt = item.alt.trim();
        const uploaded = media[index]!;
        if (uploaded.alt === alt || item.uploaded?.alt === alt) return;
        await apiFetch(`/api/media/${uploaded.id}`, { method: "PATCH", body: { alt } });
        update(item.key, { uploaded: { media: uploaded, alt } });
      }),
    );
    return media;
  }, [start]);

  const uploading = items.filter((i) => i.status === "uploading");
  const totalBytes = uploading.reduce((sum, i) => sum + i.file.size, 0);
  const progress =
    uploading.length === 0
      ? null
      : uploading.reduce((sum, i) => sum + i.progress * i.file.size, 0) / (totalBytes || 1);

  return {
    items,
    add,
    remove,
    setAlt,
    reset,
    whenReady,
    cancelUploads,
    /** 0 to 1 across the uploads running, by bytes; null when none is. */
    progress,
    uploadingCount: uploading.length,
    isUploading: uploading.length > 0,
    notice,
    clearNotice: () => setNotice(null),
    max,
    acceptedTypes: status.acceptedTypes,
  };
}
