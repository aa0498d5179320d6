import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { agentFor } from "./address-rules";

export const MAX_REDIRECTS = 3;
export const FETCH_TIMEOUT_MS = 5_000;
export const MAX_BODY_BYTES = 1_048_576;

export type FetchFailure =
  "refused" | "timeout" | "too_large" | "wrong_type" | "status" | "network";

/** Why a link's page or image wasn't fetched; logged, never shown to anyone. */
export class LinkFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = "LinkFetchError";
  }
}

export type FetchedBody = {
  /** Where the body came from, after redirects. */
  url: string;
  /** The media type, lower-cased, without parameters. */
  mimeType: string;
  /** The Content-Type's charset parameter, if any. */
  charset: string | null;
  body: Buffer;
};

type Options = {
  /** Whether a response's media type is wanted (anything else is refused unread). */
  accept: (mimeType: string) => boolean;
  acceptHeader: string;
  /** Loopback host:port entries (LINK_PREVIEW_ALLOW_HOSTS, tests only). */
  allowHosts: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
};

const USER_AGENT = "GroverLinkPreview/1.0 (+link previews; fetches one page per link)";

/**
 * GETs a URL from the server under the link-preview rules: http(s) only; every connection through
 * the address-checking agent (address-rules.ts), so private, loopback, link-local and CGNAT
 * addresses are refused after DNS and on every hop; redirects followed here, at most three, each
 * hop's URL checked again; one deadline for the whole chain; the body streamed and abandoned past
 * `maxBytes` (decompressed, so a small gzip bomb can't grow past it either).
 */
export async function fetchPublic(rawUrl: string, options: Options): Promise<FetchedBody> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  let url = checkedUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const response = await get(url, options, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.destroy();
      if (hop >= MAX_REDIRECTS) throw new LinkFetchError("refused", "too many redirects");
      url = checkedUrl(new URL(response.headers.location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new LinkFetchError("status", `answered ${status}`);
    }
    const [mimeType = "", ...params] = (response.headers["content-type"] ?? "")
      .split(";")
      .map((part) => part.trim());
    if (!options.accept(mimeType.toLowerCase())) {
      response.destroy();
      throw new LinkFetchError("wrong_type", `Content-Type ${mimeType || "(none)"}`);
    }
    const declared = Number(response.headers["content-length"]);
    if (declared > maxBytes) {
      response.destroy();
      throw new LinkFetchError("too_large", `Content-Length ${declared}`);
    }
    const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean);
    const body = await readCapped(decoded(response), maxBytes, signal);
    return {
      url: url.toString(),
      mimeType: mimeType.toLowerCase(),
      charset: charset?.toLowerCase() ?? null,
      body,
    };
  }
}

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LinkFetchError("refused", "not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new LinkFetchError("refused", `scheme ${url.protocol}`);
  }
  if (url.username || url.password) throw new LinkFetchError("refused", "credentials in URL");
  return url;
}

function get(url: URL, options: Options, signal: AbortSignal): Promise<IncomingMessage> {
  if (signal.aborted) return Promise.reject(timedOut());
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "GET",
      agent: agentFor(url, options.allowHosts),
      headers: {
        "user-agent": USER_AGENT,
        accept: options.acceptHeader,
        "accept-encoding": "gzip, deflate, br",
      },
    });
    const onAbort = () => req.destroy(timedOut());
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("response", (response) => {
      // The deadline still holds while the body is read (readCapped listens for it).
      signal.removeEventListener("abort", onAbort);
      resolve(response);
    });
    req.on("error", (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error instanceof LinkFetchError ? error : asFetchError(error));
    });
    req.end();
  });
}

function asFetchError(error: Error): LinkFetchError {
  // request-filtering-agent's refusal: "DNS lookup <address>(…) is not allowed".
  if (/is not allowed/.test(error.message)) return new LinkFetchError("refused", error.message);
  return new LinkFetchError("network", error.message);
}

function timedOut(): LinkFetchError {
  return new LinkFetchError("timeout", `no answer within ${FETCH_TIMEOUT_MS / 1000} s`);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.on("error", (error) => decoder.destroy(error));
  decoder.on("close", () => response.destroy());
  return response.pipe(decoder);
}

function readCapped(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (error: LinkFetchError) => {
      if (done) return;
      done = true;
      signal.removeEventListener("abort", onAbort);
      stream.destroy();
      reject(error);
    };
    const onAbort = () => fail(timedOut());
    if (signal.aborted) return fail(timedOut());
    signal.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(new LinkFetchError("too_large", `over ${maxBytes} bytes`));
      chunks.push(chunk);
    });
    stream.on("end", () => {
      if (done) return;
      done = true;
      signal.removeEventListener("abort", onAbort);
      resolve(Buffer.concat(chunks));
    });
    stream.on("error", (error) => fail(new LinkFetchError("network", error.message)));
  });
}
