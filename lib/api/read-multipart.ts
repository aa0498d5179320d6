import "server-only";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError } from "./errors";

export type MultipartLimits = {
  /** The whole body: refused from Content-Length when it says so, counted while reading. */
  maxBytes: number;
  maxFiles: number;
  maxFields: number;
  /** Each text field's value. */
  maxFieldBytes: number;
};

export type MultipartFile = {
  field: string;
  filename: string;
  /** The part's Content-Type as the client declared it: a hint, never proof. */
  declaredType: string;
  /** The part's bytes; the handler must read it to the end or throw. */
  stream: Readable;
};

export type MultipartHandlers = {
  /** Called for each text field, in order; throw an ApiError to refuse the request. */
  field(name: string, value: string): void;
  /**
   * Called for each file, in order; the next part is read only once this one's stream is. A
   * refusal that needs no bytes (too many files) should be thrown at once, not as a rejection:
   * busboy goes on parsing what it already holds before a rejection is seen.
   */
  file(file: MultipartFile): Promise<void>;
};

const tooLarge = (maxBytes: number) =>
  new ApiError("payload_too_large", `The request is over ${maxBytes} bytes.`, {
    details: { limitBytes: maxBytes },
  });

const malformed = () => new ApiError("bad_request", "The body is not valid multipart/form-data.");

/**
 * Streams a multipart/form-data body through busboy, part by part: nothing is buffered here, so
 * what a request costs in memory is what the handlers keep. The first refusal (a handler's
 * ApiError, a limit, a malformed body) stops reading at once and is thrown; the rest of the body
 * is never read, and the answer carries `Connection: close` so Node drops the connection after
 * answering instead of waiting for (or draining) bytes nobody wants. Route handlers whose spec
 * has `multipart` call this themselves.
 */
export async function readMultipart(
  req: Request,
  limits: MultipartLimits,
  handlers: MultipartHandlers,
): Promise<void> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the files as multipart/form-data.");
  }
  if (Number(req.headers.get("content-length") ?? 0) > limits.maxBytes) {
    throw closing(tooLarge(limits.maxBytes));
  }
  if (!req.body) throw new ApiError("bad_request", "The request has no body.");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: {
        files: limits.maxFiles,
        fields: limits.maxFields,
        fieldSize: limits.maxFieldBytes,
        parts: limits.maxFiles + limits.maxFields,
      },
    });
  } catch {
    throw malformed(); // no boundary
  }

  const source = Readable.fromWeb(req.body as NodeWebReadableStream<Uint8Array>);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) done(tooLarge(limits.maxBytes));
      else done(null, chunk);
    },
  });

  return new Promise<void>((resolve, reject) => {
    const pending: Promise<void>[] = [];
    const openFiles = new Set<Readable>();
    let failed = false;

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // Stop reading: unhook the body so nothing more flows in, and fail the files in flight so
      // their handlers finish. (With an error: a file destroyed without one after its last
      // bytes arrived but before they were read leaves a pipeline waiting for an 'end' forever.)
      source.unpipe(counter);
      counter.unpipe(parser);
      source.pause();
      for (const stream of openFiles) stream.destroy(new Error("The upload was refused."));
      parser.removeAllListeners();
      parser.on("error", () => {});
      const refusal = closing(error instanceof ApiError ? error : malformed());
      // Once every handler has let go of its file, so the caller can clean up behind them.
      void Promise.allSettled(pending).then(() => reject(refusal));
    };

    parser.on("field", (name, value, info) => {
      if (failed) return;
      if (info.valueTruncated) {
        return fail(
          new ApiError(
            "bad_request",
            `The field \`${name}\` is over ${limits.maxFieldBytes} bytes.`,
          ),
        );
      }
      try {
        handlers.field(name, value);
      } catch (error) {
        fail(error);
      }
    });
    parser.on("file", (field, stream, info) => {
      if (failed) return void stream.resume();
      openFiles.add(stream);
      stream.once("close", () => openFiles.delete(stream));
      // fail() destroys files in flight with an error; one whose handler never took it (refused
      // at once) has no other listener, and an unheard 'error' would be an uncaught exception.
      stream.on("error", () => {});
      let handling: Promise<void>;
      try {
        handling = handlers.file({
          field,
          filename: info.filename ?? "",
          declaredType: info.mimeType,
          stream,
        });
      } catch (error) {
        stream.resume();
        return fail(error);
      }
      pending.push(
        handling.catch((error: unknown) => {
          stream.resume();
          fail(error);
        }),
      );
    });
    const overLimit = (what: string, max: number) => () =>
      fail(
        new ApiError("bad_request", `At most ${max} ${what} per request.`, { details: { max } }),
      );
    parser.on("filesLimit", overLimit("files", limits.maxFiles));
    parser.on("fieldsLimit", overLimit("fields", limits.maxFields));
    parser.on("partsLimit", overLimit("parts", limits.maxFiles + limits.maxFields));
    parser.on("error", fail);
    parser.on("close", () => {
      void Promise.all(pending).then(() => {
        if (!failed) resolve();
      });
    });
    source.on("error", fail);
    counter.on("error", fail);
    source.pipe(counter).pipe(parser);
  });
}

/** The refusal with `Connection: close`: the client's remaining bytes are never read. */
function closing(error: ApiError): ApiError {
  return new ApiError(error.code, error.message, {
    details: error.details,
    headers: { ...error.headers, connection: "close" },
  });
}
