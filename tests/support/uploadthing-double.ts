// A local stand-in for UploadThing that speaks the HTTP protocol the `uploadthing` package
// (v7) uses, as read from its source (node_modules/uploadthing/server/index.js and
// dist/upload-builder-*.js):
//
//   UTApi (server SDK), with `apiUrl` / `ingestUrl` pointed here:
//     PUT  {ingestUrl}/{key}?expires=..&x-ut-*=..&signature=hmac-sha256=<hex>   multipart `file`
//     POST {apiUrl}/v6/deleteFiles  { fileKeys }        header x-uploadthing-api-key
//     POST {apiUrl}/v6/getUsageInfo {}                  header x-uploadthing-api-key
//   The route handler (createRouteHandler), in production mode:
//     POST {ingestUrl}/route-metadata  { fileKeys, metadata, callbackUrl, callbackSlug, ... }
//     POST {origin}/callback-result     { fileKey, callbackData }
//   and UploadThing calls the app back at callbackUrl?slug=.. with headers
//     `uploadthing-hook: callback` and `x-uploadthing-signature: hmac-sha256=<hex of body>`.
//   Files are read at `http://{ufsHost}/a/{appId}/{key}` (ufsAppIdLocation "path", a host with
//   "local" in it so the package uses http).
//
// Presigned URLs and callbacks are signed and checked with the token's API key, as UploadThing
// does, so a wrong key or a tampered URL fails here too.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StoredFile = { bytes: Buffer; type: string; name: string; customId: string | null };

type Registration = {
  metadata: Record<string, unknown>;
  callbackUrl: string;
  callbackSlug: string;
};

export type UploadThingDouble = {
  url: string;
  token: string;
  apiKey: string;
  appId: string;
  /** Environment for an app that should use this double. */
  env: Record<string, string>;
  files: Map<string, StoredFile>;
  /** Callback results the app posted, by file key. */
  callbackResults: Map<string, unknown>;
  registrations: Map<string, Registration>;
  /** Answer every request with 503 (UploadThing down) while true. */
  down: boolean;
  stop: () => Promise<void>;
};

const sign = (payload: string, secret: string) =>
  `hmac-sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`;

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { "content-type": type, "content-length": payload.length });
  res.end(payload);
}

export async function startUploadThingDouble(): Promise<UploadThingDouble> {
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const appId = "groverdouble";
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["local"] })).toString(
    "base64",
  );
  const files = new Map<string, StoredFile>();
  const callbackResults = new Map<string, unknown>();
  const registrations = new Map<string, Registration>();
  let base = "";
  let ufsHost = "";

  const fileUrl = (key: string) => `http://${ufsHost}/a/${appId}/${key}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (double.down) return send(res, 503, { error: "down" });
    const url = new URL(req.url ?? "/", base);
    const body = await readBody(req);
    const authorised = req.headers["x-uploadthing-api-key"] === apiKey;

    // A presigned upload: the URL is signed over everything before `&signature=`.
    if (req.method === "PUT") {
      const raw = `${base}${req.url}`;
      const at = raw.lastIndexOf("&signature=");
      const signature = decodeURIComponent(raw.slice(at + "&signature=".length));
      if (at < 0 || !sameSignature(signature, sign(raw.slice(0, at), apiKey))) {
        return send(res, 403, { error: "Invalid signature" });
      }
      if (Number(url.searchParams.get("expires")) < Date.now()) {
        return send(res, 403, { error: "URL expired" });
      }
      const form = await new Request(url, {
        method: "PUT",
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: new Uint8Array(body),
      }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return send(res, 400, { error: "No file part" });
      const bytes = Buffer.from(await file.arrayBuffer());
      const declared = url.searchParams.get("x-ut-file-size");
      if (declared && Number(declared) !== bytes.length) {
        return send(res, 400, { error: "Size does not match the presigned size" });
      }
      const key = url.pathname.slice(1);
      const param = (name: string) => {
        const value = url.searchParams.get(name);
        return value === null ? null : decodeURIComponent(value);
      };
      files.set(key, {
        bytes,
        type: param("x-ut-file-type") ?? file.type,
        name: param("x-ut-file-name") ?? "file",
        customId: param("x-ut-custom-id"),
      });
      const fileHash = createHash("md5").update(bytes).digest("hex");
      const uploaded = {
        url: fileUrl(key),
        appUrl: fileUrl(key),
        ufsUrl: fileUrl(key),
        fileHash,
      };
      // Uploaded through the app's file route: call the app back, as UploadThing does.
      const registration = registrations.get(key);
      if (registration) {
        const stored = files.get(key)!;
        const payload = JSON.stringify({
          status: "uploaded",
          origin: base,
          metadata: registration.metadata,
          file: {
            name: stored.name,
            size: bytes.length,
            type: stored.type,
            customId: stored.customId,
            key,
            ...uploaded,
          },
        });
        const callback = new URL(registration.callbackUrl);
        callback.searchParams.set("slug", registration.callbackSlug);
        const answer = await fetch(callback, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "uploadthing-hook": "callback",
            "x-uploadthing-signature": sign(payload, apiKey),
          },
          body: payload,
        });
        if (!answer.ok) return send(res, 502, { error: `callback answered ${answer.status}` });
        return send(res, 200, { ...uploaded, serverData: callbackResults.get(key) ?? null });
      }
      return send(res, 200, uploaded);
    }

    if (req.method === "GET") {
      const match = /^\/a\/([^/]+)\/(.+)$/.exec(url.pathname);
      const stored = match && match[1] === appId ? files.get(match[2]!) : undefined;
      if (!stored) return send(res, 404, { error: "Not found" });
      return send(res, 200, stored.bytes, stored.type);
    }

    if (req.method !== "POST") return send(res, 405, { error: "Method not allowed" });
    if (!authorised) return send(res, 401, { error: "Invalid API key" });
    const json = body.length ? JSON.parse(body.toString("utf8")) : {};

    switch (url.pathname) {
      case "/v6/deleteFiles": {
        const keys: string[] = json.fileKeys ?? [];
        let deletedCount = 0;
        for (const key of keys) if (files.delete(key)) deletedCount++;
        return send(res, 200, { success: true, deletedCount });
      }
      case "/v6/getUsageInfo": {
        const total = [...files.values()].reduce((sum, f) => sum + f.bytes.length, 0);
        return send(res, 200, {
          totalBytes: total,
          appTotalBytes: total,
          filesUploaded: files.size,
          limitBytes: 2 * 1024 ** 3,
        });
      }
      case "/route-metadata": {
        for (const key of json.fileKeys as string[]) {
          registrations.set(key, {
            metadata: json.metadata,
            callbackUrl: json.callbackUrl,
            callbackSlug: json.callbackSlug,
          });
        }
        return send(res, 200, { ok: true });
      }
      case "/callback-result": {
        callbackResults.set(json.fileKey, json.callbackData);
        return send(res, 200, { ok: true });
      }
      default:
        return send(res, 404, { error: `No such endpoint: ${url.pathname}` });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  ufsHost = `localhost:${port}`;

  const double: UploadThingDouble = {
    url: base,
    token,
    apiKey,
    appId,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_API_URL: base,
      UPLOADTHING_INGEST_URL: base,
      UPLOADTHING_UFS_HOST: ufsHost,
      UPLOADTHING_UFS_APP_ID_LOCATION: "path",
    },
    files,
    callbackResults,
    registrations,
    down: false,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return double;
}
