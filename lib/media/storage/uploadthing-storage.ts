import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import { z } from "zod";
import { type MediaStorage, StorageUnavailableError } from "./media-storage";

export type UploadThingOptions = {
  token: string;
  /** Overrides for a local double (tests); UploadThing's own hosts otherwise. */
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
};

// The token is base64 JSON; UTApi reads it too, but url() needs the app id without a request.
const ZTokenSchema = z.object({ apiKey: z.string(), appId: z.string().min(1) });

export function parseUploadThingToken(token: string): z.infer<typeof ZTokenSchema> {
  try {
    return ZTokenSchema.parse(JSON.parse(Buffer.from(token, "base64").toString("utf8")));
  } catch {
    throw new Error(
      "UPLOADTHING_TOKEN is not a valid UploadThing token (base64 JSON with an appId).",
    );
  }
}

const HEALTH_TTL_MS = 30_000;

/**
 * Files on UploadThing, written and deleted server-side through UTApi: the processed variants
 * (display, thumbnail, poster) are ours to upload, whatever route the original came in by.
 */
export function createUploadThingStorage(options: UploadThingOptions): MediaStorage {
  const { appId } = parseUploadThingToken(options.token);
  const utapi = new UTApi({
    token: options.token,
    apiUrl: options.apiUrl,
    ingestUrl: options.ingestUrl,
    logLevel: "Error",
  });
  const ufsHost = options.ufsHost ?? "ufs.sh";
  // The same URL forms UTApi.generateSignedURL builds, without the signature (files are public).
  const proto = ufsHost.includes("local") ? "http" : "https";
  const fileUrl =
    options.ufsAppIdLocation === "path"
      ? (key: string) => `${proto}://${ufsHost}/a/${appId}/${encodeURIComponent(key)}`
      : (key: string) => `${proto}://${appId}.${ufsHost}/f/${encodeURIComponent(key)}`;
  let healthyUntil = 0;

  return {
    provider: "uploadthing",

    async put(key, bytes, contentType) {
      const file = new UTFile([bytes as Uint8Array<ArrayBuffer>], key.replaceAll("/", "-"), {
        type: contentType,
      });
      const result = await utapi.uploadFiles(file).catch((error: unknown) => ({
        data: null,
        error,
      }));
      if (!result.data) {
        throw new StorageUnavailableError("UploadThing did not take the file.", {
          cause: result.error,
        });
      }
      return result.data.key;
    },

    // Files are public on UploadThing: read one back from the URL clients use.
    async read(key) {
      try {
        const res = await fetch(fileUrl(key), { signal: AbortSignal.timeout(60_000) });
        if (!res.ok) throw new Error(`UploadThing answered ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      } catch (error) {
        throw new StorageUnavailableError("UploadThing did not return the file.", {
          cause: error,
        });
      }
    },

    async delete(key) {
      try {
        await utapi.deleteFiles(key);
      } catch (error) {
        throw new StorageUnavailableError("UploadThing did not delete the file.", { cause: error });
      }
    },

    url: fileUrl,

    async health() {
      if (Date.now() < healthyUntil) return;
      try {
        await utapi.getUsageInfo();
        healthyUntil = Date.now() + HEALTH_TTL_MS;
      } catch (error) {
        throw new StorageUnavailableError("UploadThing is unreachable.", { cause: error });
      }
    },
  };
}
