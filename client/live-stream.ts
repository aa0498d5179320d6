// One live connection to /api/streaming, kept open until closed: it reconnects by itself after
// the server ends it or the network drops it, sending Last-Event-ID so the server replays what
// was missed (see sse-parser.ts for why this is fetch() and not EventSource).
import { createSseParser, type SseEvent } from "./sse-parser";

export type LiveStreamStatus = "connecting" | "open" | "closed";

export type LiveStreamOptions = {
  url: string;
  /** Where to resume: the last id a previous connection saw. */
  lastEventId?: string;
  onEvent: (event: SseEvent) => void;
  onStatus: (status: LiveStreamStatus) => void;
  /** Called on every successful (re)connection, with whether it resumed from an id. */
  onOpen?: (resumed: boolean) => void;
};

export type LiveStream = {
  close: () => void;
  /** The id to resume from next time. */
  lastEventId: () => string;
};

// The server asks for 3 s (`retry: 3000`); until it has said so, the same.
const DEFAULT_RETRY_MS = 3_000;
// After failures in a row, wait up to this long, so a server that is down isn't hammered by
// every open tab at once.
const MAX_BACKOFF_MS = 60_000;
// Over the per-user cap of open streams (other tabs): wait longer, polling covers meanwhile.
const TOO_MANY_STREAMS_MS = 30_000;
// The server sends a heartbeat every 30 s by default: silence well past that is a connection
// that died without closing (a laptop that slept, a proxy that dropped it), so start over.
const SILENCE_MS = 75_000;

type Outcome =
  | { kind: "ended" } // opened, then ended or dropped: reconnect soon
  | { kind: "failed" } // never opened (network, 5xx): back off
  | { kind: "refused"; status: number }; // 4xx: asking again answers the same

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Opens the stream and keeps it open until `close()`; a 401 or other 4xx ends it for good. */
export function openLiveStream(options: LiveStreamOptions): LiveStream {
  const closed = new AbortController();
  let lastEventId = options.lastEventId ?? "";
  let retryMs = DEFAULT_RETRY_MS;
  // Once closed, say nothing more: the caller may already have opened the next stream.
  const report = (status: LiveStreamStatus) => {
    if (!closed.signal.aborted) options.onStatus(status);
  };

  async function connectOnce(): Promise<Outcome> {
    const attempt = new AbortController();
    const stopAttempt = () => attempt.abort();
    closed.signal.addEventListener("abort", stopAttempt, { once: true });
    let silence: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(stopAttempt, SILENCE_MS);
    };
    try {
      const headers: Record<string, string> = { accept: "text/event-stream" };
      if (lastEventId) headers["last-event-id"] = lastEventId;
      watch();
      const res = await fetch(options.url, {
        headers,
        credentials: "same-origin",
        cache: "no-store",
        signal: attempt.signal,
      });
      const type = res.headers.get("content-type") ?? "";
      if (!res.ok || !res.body || !type.startsWith("text/event-stream")) {
        void res.body?.cancel().catch(() => undefined);
        if (res.status >= 400 && res.status < 500) return { kind: "refused", status: res.status };
        return { kind: "failed" };
      }
      opened = true;
      report("open");
      options.onOpen?.(lastEventId !== "");
      const parser = createSseParser(
        {
          onEvent: (event) => {
            lastEventId = event.id;
            options.onEvent(event);
          },
          onRetry: (ms) => (retryMs = ms),
        },
        lastEventId,
      );
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        watch();
        parser.push(value);
        lastEventId = parser.lastEventId;
      }
      return { kind: "ended" };
    } catch {
      // Aborted (closed, or silent too long) or the network dropped: try again unless closed.
      return { kind: opened ? "ended" : "failed" };
    } finally {
      clearTimeout(silence);
      closed.signal.removeEventListener("abort", stopAttempt);
    }
  }

  async function run() {
    let failures = 0;
    while (!closed.signal.aborted) {
      report("connecting");
      const outcome = await connectOnce();
      if (closed.signal.aborted) break;
      let wait: number;
      if (outcome.kind === "refused") {
        if (outcome.status !== 429) break;
        wait = TOO_MANY_STREAMS_MS;
      } else if (outcome.kind === "ended") {
        failures = 0;
        wait = retryMs;
      } else {
        failures++;
        wait = Math.min(MAX_BACKOFF_MS, retryMs * 2 ** failures);
      }
      report("connecting");
      // Jitter, so tabs dropped together (a deploy) don't all come back in the same instant.
      await sleep(wait * (0.5 + Math.random() / 2), closed.signal);
    }
    report("closed");
  }

  void run();
  return {
    close: () => closed.abort(),
    lastEventId: () => lastEventId,
  };
}
