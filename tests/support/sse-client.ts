// A small Server-Sent Events client over node:http, for tests of GET /api/streaming (and the
// load script): it keeps the raw text, parses events as they arrive, and waits for one that
// matches. node:http rather than EventSource so a test can send any header (Last-Event-ID,
// a bearer token) and look at statuses and comments.
import http from "node:http";

export type SseMessage = { id?: string; event: string; data: string };

export type SseConnection = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far, as text (comments and all). */
  raw: () => string;
  /** Events received so far, in order. */
  events: SseMessage[];
  /** The body when the answer was not a stream (an error's JSON). */
  body: () => unknown;
  /** Resolves with the first event (already received or still to come) that matches. */
  next: (
    match: (event: SseMessage) => boolean,
    options?: { timeoutMs?: number; what?: string },
  ) => Promise<SseMessage>;
  /** Resolves when the server closes the stream. */
  ended: Promise<void>;
  close: () => void;
};

export type SseOptions = {
  token?: string;
  headers?: Record<string, string>;
  /** The loopback address the connection leaves from (the load script spreads them). */
  from?: string;
};

/** Opens `url` and resolves once the response's status and headers are in. */
export function openSse(url: string, options: SseOptions = {}): Promise<SseConnection> {
  const headers: Record<string, string> = { accept: "text/event-stream", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(target, {
      headers,
      agent: false,
      ...(options.from ? { localAddress: options.from, family: 4 } : {}),
    });
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      let parsedUpTo = 0;
      const events: SseMessage[] = [];
      const waiters = new Set<() => void>();
      let ended!: () => void;
      const endedPromise = new Promise<void>((r) => (ended = r));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        // Whole events only: each ends with a blank line.
        let end: number;
        while ((end = text.indexOf("\n\n", parsedUpTo)) !== -1) {
          const block = text.slice(parsedUpTo, end);
          parsedUpTo = end + 2;
          const event = parseBlock(block);
          if (event) events.push(event);
        }
        for (const wake of waiters) wake();
      });
      res.on("error", () => ended());
      res.on("close", () => {
        ended();
        for (const wake of waiters) wake();
      });
      let closed = false;
      endedPromise.then(() => (closed = true));

      const next: SseConnection["next"] = (match, { timeoutMs = 10_000, what = "an event" } = {}) =>
        new Promise((resolveEvent, rejectEvent) => {
          const check = () => {
            const found = events.find(match);
            if (found) {
              done();
              resolveEvent(found);
            } else if (closed) {
              done();
              rejectEvent(new Error(`The stream ended before ${what} arrived. Got:\n${text}`));
            }
          };
          const timer = setTimeout(() => {
            done();
            rejectEvent(new Error(`No ${what} within ${timeoutMs} ms. Got:\n${text}`));
          }, timeoutMs);
          const done = () => {
            clearTimeout(timer);
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        });

      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        raw: () => text,
        events,
        body: () => {
          try {
            return JSON.parse(text);
          } catch {
            return text;
          }
        },
        next,
        ended: endedPromise,
        close: () => {
          req.destroy();
          res.destroy();
        },
      });
    });
    req.end();
  });
}

/** One event block (lines up to a blank line); null for comments and `retry:` alone. */
function parseBlock(block: string): SseMessage | null {
  let id: string | undefined;
  let event = "message";
  const data: string[] = [];
  let any = false;
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else continue;
    any = true;
  }
  return any && data.length ? { id, event, data: data.join("\n") } : null;
}
