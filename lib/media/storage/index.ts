import "server-only";
import path from "node:path";
import { env } from "@/lib/config";
import { createLocalStorage } from "./local-storage";
import type { MediaStorage } from "./media-storage";
import { createUploadThingStorage } from "./uploadthing-storage";

export { StorageUnavailableError, type MediaStorage } from "./media-storage";

/** Local uploads live here; the files route reads from the same place. */
export function localUploadsDir(): string {
  return path.resolve(env().DATA_DIR, "uploads");
}

let cached: MediaStorage | undefined;

/** The configured store: UploadThing when UPLOADTHING_TOKEN is set, local disk otherwise. */
export function mediaStorage(): MediaStorage {
  if (cached) return cached;
  const config = env();
  cached = config.UPLOADTHING_TOKEN
    ? createUploadThingStorage({
        token: config.UPLOADTHING_TOKEN,
        apiUrl: config.UPLOADTHING_API_URL,
        ingestUrl: config.UPLOADTHING_INGEST_URL,
        ufsHost: config.UPLOADTHING_UFS_HOST,
        ufsAppIdLocation: config.UPLOADTHING_UFS_APP_ID_LOCATION,
      })
    : createLocalStorage(localUploadsDir());
  return cached;
}
