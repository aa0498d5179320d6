import "server-only";
import { ApiError } from "./errors";

/**
 * Reads a multipart/form-data body of at most `maxBytes`: refused from Content-Length when it
 * says so, and counted while reading when it doesn't (chunked uploads), so an endless body can't
 * fill memory. Route handlers whose spec has `multipart` call this themselves.
 */
export async function readMultipart(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the files as multipart/form-data.");
  }
  const tooLarge = () =>
    new ApiError("payload_too_large", `The request is over ${maxBytes} bytes.`, {
      details: { limitBytes: maxBytes },
    });
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) throw new ApiError("bad_request", "The request has no body.");

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }

  try {
    return await new Response(Buffer.concat(chunks), {
      headers: { "content-type": type },
    }).formData();
  } catch {
    throw new ApiError("bad_request", "The body is not valid multipart/form-data.");
  }
}
