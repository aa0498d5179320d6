/**
 * Where media files live. The rest of the app sees only this: lib/media/storage/index.ts picks
 * local disk or UploadThing by configuration.
 */
export type MediaStorage = {
  readonly provider: "local" | "uploadthing";
  /**
   * Stores `bytes` and answers the key to keep: `key` itself on local disk, the key UploadThing
   * assigns there. Throws StorageUnavailableError when the store can't take it.
   */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<string>;
  /** The bytes of a stored file (data exports read media and serve their zip through this). */
  read(key: string): Promise<Uint8Array>;
  /** Removes a file; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The URL clients fetch the file from (relative to the app's origin on local disk). */
  url(key: string): string;
  /** Resolves when the store can take writes, throws otherwise. */
  health(): Promise<void>;
};

/** The store failed (disk full, read-only, UploadThing down): the API answers 503. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}
