import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiClientError, apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { mediaKeys } from "@/client/query-keys";
import {
  ACCEPTED_IMAGE_TYPES,
  ACCEPTED_VIDEO_TYPES,
  MAX_MEDIA_PER_POST,
  type TMedia,
  type TMediaStatus,
} from "@/lib/media/media.types";

/** Used until `GET /api/media/status` answers, and if it can't: the server checks again anyway. */
const FALLBACK_LIMITS: TMediaStatus["limits"] = {
  imageBytes: 15 * 1024 * 1024,
  videoBytes: 50 * 1024 * 1024,
  maxFilesPerUpload: MAX_MEDIA_PER_POST,
  maxPixels: 50_000_000,
};
const FALLBACK_TYPES: string[] = [...ACCEPTED_IMAGE_TYPES, ...ACCEPTED_VIDEO_TYPES];

/** What the server takes: limits and types, for checks in the browser before uploading. */
export function useMediaStatus() {
  const query = useQuery({
    queryKey: mediaKeys.status(),
    queryFn: ({ signal }) => apiFetch<TMediaStatus>("/api/media/status", { signal }),
    staleTime: 10 * 60_000,
    retry: retryUnlessClientError,
  });
  return {
    limits: query.data?.limits ?? FALLBACK_LIMITS,
    acceptedTypes: query.data?.acceptedTypes ?? FALLBACK_TYPES,
    healthy: query.data?.healthy ?? true,
  };
}

const TYPE_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "image/avif": "AVIF",
  "video/mp4": "MP4",
  "video/webm": "WebM",
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function acceptedTypesText(types: string[]): string {
  const names = types.map((t) => TYPE_NAMES[t] ?? t);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names.join("");
}

/**
 * Why the server would refuse this file, judged from what the browser knows (its declared type
 * and size), or null. The server judges the bytes again; this only saves a wasted upload.
 */
export function checkFile(
  file: File,
  { limits, acceptedTypes }: Pick<ReturnType<typeof useMediaStatus>, "limits" | "acceptedTypes">,
  only?: "image",
): string | null {
  const types = only ? acceptedTypes.filter((t) => t.startsWith("image/")) : acceptedTypes;
  // An empty type (the browser doesn't know it) goes to the server, which reads the bytes.
  if (file.type && !types.includes(file.type)) {
    return `${file.name || "This file"} isn't a supported ${only ?? "file"} type. Use ${acceptedTypesText(types)}.`;
  }
  const isVideo = file.type.startsWith("video/");
  const limit = isVideo ? limits.videoBytes : limits.imageBytes;
  if (file.size > limit) {
    return `${file.name || "This file"} is ${formatBytes(file.size)}; ${isVideo ? "videos" : "images"} can be up to ${formatBytes(limit)}.`;
  }
  return null;
}

export type UploadInput = { file: File; alt: string };

/**
 * `POST /api/media/upload` over XHR, which (unlike fetch) reports upload progress. Resolves to
 * the stored media in the order sent; rejects with ApiClientError (details.file is the index of
 * the file to blame) or an AbortError.
 */
export function uploadMediaFiles(
  inputs: UploadInput[],
  { onProgress, signal }: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<TMedia[]> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const { file } of inputs) form.append("file", file, file.name);
    for (const { alt } of inputs) form.append("alt", alt);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media/upload");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        // A proxy's HTML error page: judged by status below.
      }
      if (xhr.status === 201 || xhr.status === 200) {
        resolve((json as { items: TMedia[] }).items);
        return;
      }
      const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } })
        ?.error;
      if (error && typeof error.code === "string" && typeof error.message === "string") {
        reject(new ApiClientError(xhr.status, error.code, error.message, error.details));
      } else if (xhr.status === 413) {
        // A proxy in front refused the body before the app saw it.
        reject(new ApiClientError(413, "payload_too_large", "The upload is too large."));
      } else {
        reject(new ApiClientError(xhr.status, "http_error", `The server answered ${xhr.status}.`));
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiClientError(0, "network_error", "Couldn't reach Grover. Check your connection."),
      );
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    if (signal?.aborted) {
      reject(new DOMException("The upload was cancelled.", "AbortError"));
      return;
    }
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const isAbortError = (error: unknown) =>
  error instanceof DOMException && error.name === "AbortError";

/** The index of the file an upload error blames (`details.file`), if any. */
export function blamedFile(error: unknown): number | null {
  if (!(error instanceof ApiClientError)) return null;
  const details = error.details as { file?: unknown } | undefined;
  return typeof details?.file === "number" ? details.file : null;
}

/**
 * A sentence for an upload error. With `forItem`, shown beside the file it blames, the server's
 * "File 2 (cat.jpg): " prefix goes, since the file is right there.
 */
export function uploadErrorMessage(error: unknown, forItem = false): string {
  if (!(error instanceof ApiClientError)) return "The upload failed. Try again.";
  const message = forItem ? error.message.replace(/^File \d+( \([^)]*\))?: /, "") : error.message;
  if (error.status === 0) return error.message;
  if (error.status === 503) {
    return "Media storage is unavailable right now. Try again in a moment.";
  }
  if (error.code === "rate_limited") return "Too many uploads. Wait a minute and try again.";
  if (error.status >= 500) return "Something went wrong on our side. Try again in a moment.";
  if (error.status === 401) return "Your session has ended. Sign in again to upload.";
  return message;
}

/** Deletes an upload that won't be used. Failing is fine: unattached media is removed after a day. */
export function discardUpload(id: string) {
  void apiFetch(`/api/media/${id}`, { method: "DELETE" }).catch(() => undefined);
}

/**
 * One upload at a time with its progress (0 to 1) and a way to cancel it. Unmounting cancels
 * an upload still running.
 */
export function useMediaUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const upload = useCallback(async (inputs: UploadInput[]) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setProgress(0);
    try {
      return await uploadMediaFiles(inputs, {
        signal: current.signal,
        onProgress: (fraction) => {
          if (controller.current === current) setProgress(fraction);
        },
      });
    } finally {
      if (controller.current === current) {
        controller.current = null;
        setProgress(null);
      }
    }
  }, []);

  const abort = useCallback(() => controller.current?.abort(), []);

  return { upload, abort, progress, isUploading: progress !== null };
}
