import "server-only";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { liveHub, type LiveConnection } from "./live-hub";
import { compareIds, replayLiveEvents } from "./replay-live-events";
import type { SseEvent, TStreamName } from "./streaming.types";
import { formatSseEvent } from "./to-sse-event";

/**
 * What one stream may hold unsent. The response body is read as fast as the socket takes it, so
 * a queue this long means the reader has stopped keeping up: it is dropped (it reconnects and
 * replays), never buffered without bound.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

/**
 * Opens a live stream for `userId`: registers it with this process's hub (429 over the per-user
 * cap, thrown before anything is sent), replays what a reconnecting client missed after
 * `lastEventId`, then sends live events as they come. Closed when the client goes (`signal`).
 */
export function openLiveStream({
  userId,
  streams,
  lastEventId,
  signal,
}: {
  userId: string;
  streams: ReadonlySet<TStreamName>;
  lastEventId: string | null;
  signal: AbortSignal;
}): Response {
  const hub = liveHub();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  // Live events that arrive while the replay is read wait here, so nothing goes out of order.
  let held: SseEvent[] | null = lastEventId ? [] : null;
  let closed = false;

  const close = (reason?: string) => {
    if (closed) return;
    closed = true;
    hub.remove(connection);
    if (reason) {
      log.info("live stream dropped", { userId, reason });
      controller?.error(new Error(reason));
    } else {
      try {
        controller?.close();
      } catch {
        // already closed by the reader going away
      }
    }
  };
  const write = (text: string) => {
    if (closed || !controller) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < 0) close("slow reader");
  };
  const connection: LiveConnection = {
    userId,
    streams,
    send: (event) => (held ? held.push(event) : write(formatSseEvent(event))),
    heartbeat: () => write(": heartbeat\n\n"),
  };
  if (!hub.add(connection)) {
    throw new ApiError("too_many_streams", "Too many open streams: close one first.", {
      details: { max: env().STREAMING_MAX_PER_USER },
      headers: { "Retry-After": String(RETRY_MS / 1000) },
    });
  }
  const replay = async (afterId: string) => {
    try {
      const missed = await replayLiveEvents(userId, streams, afterId);
      for (const event of missed) write(formatSseEvent(event));
      const replayed = new Set(missed.map((e) => e.id));
      const live = held ?? [];
      held = null;
      for (const event of live) {
        if (!replayed.has(event.id) && compareIds(event.id, afterId) > 0)
          write(formatSseEvent(event));
      }
    } catch (error) {
      log.warn("live replay failed", { error: String(error) });
      close("replay failed");
    }
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        write(`retry: ${RETRY_MS}\n\n`);
        if (lastEventId) void replay(lastEventId);
      },
      cancel: () => close(),
    },
    { highWaterMark: MAX_BUFFERED_BYTES, size: (chunk) => chunk.byteLength },
  );
  if (signal.aborted) close();
  else signal.addEventListener("abort", () => close(), { once: true });

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
