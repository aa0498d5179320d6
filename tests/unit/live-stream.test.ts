// The browser's live connection against a real HTTP server speaking SSE: it resumes with
// Last-Event-ID after the server ends a stream, and stops for good when refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openLiveStream, type LiveStream, type LiveStreamStatus } from "@/client/live-stream";
import type { SseEvent } from "@/client/sse-parser";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const servers: http.Server[] = [];
const streams: LiveStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that answers the n-th connection with the n-th handler. */
async function sseServer(handlers: Handler[]) {
  const seen: { lastEventId: string | undefined; accept: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    const handler = handlers[seen.length];
    seen.push({
      lastEventId: req.headers["last-event-id"] as string | undefined,
      accept: req.headers.accept,
    });
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

function sse(res: http.ServerResponse, body: string, end = true) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(body);
  if (end) res.end();
}

function open(url: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  const statuses: LiveStreamStatus[] = [];
  const opens: boolean[] = [];
  const stream = openLiveStream({
    url,
    lastEventId,
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    onOpen: (resumed) => opens.push(resumed),
  });
  streams.push(stream);
  return { stream, events, statuses, opens };
}

describe("openLiveStream", () => {
  it("reconnects after the stream ends, resuming from the last id, and stops on a 401", async () => {
    const { url, seen } = await sseServer([
      (_req, res) =>
        sse(res, 'retry: 10\n\nid: 1\nevent: unread\ndata: {"unreadCount":1}\n\nid: 2\nevent: x\n'),
      (_req, res) => sse(res, 'id: 3\nevent: unread\ndata: {"unreadCount":2}\n\n'),
      (_req, res) => res.writeHead(401, { "content-type": "application/json" }).end("{}"),
    ]);
    const { stream, events, statuses, opens } = open(url);

    await expect.poll(() => statuses.at(-1)).toBe("closed");
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ["1", "unread"],
      ["3", "unread"],
    ]);
    // The first stream ended halfway through event 2: it resumes after 1, not 2.
    expect(seen.map((s) => s.lastEventId)).toEqual([undefined, "1", "3"]);
    expect(seen[0]!.accept).toBe("text/event-stream");
    expect(opens).toEqual([false, true]);
    expect(stream.lastEventId()).toBe("3");
    expect(statuses.filter((s) => s === "open")).toHaveLength(2);
  });

  it("starts from the id it is given, and says nothing once closed", async () => {
    const { url, seen } = await sseServer([(_req, res) => sse(res, "retry: 10\n\n", false)]);
    const { stream, statuses, opens } = open(url, "41");
    await expect.poll(() => statuses.at(-1)).toBe("open");
    expect(seen[0]!.lastEventId).toBe("41");
    expect(opens).toEqual([true]);
    stream.close();
    const count = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses).toHaveLength(count);
    expect(seen).toHaveLength(1);
  });

  it("treats a 200 that is not an event stream as a failure, and retries", async () => {
    const { url, seen } = await sseServer([
      (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<p>login</p>"),
    ]);
    const { statuses } = open(url);
    await expect.poll(() => seen.length).toBe(1);
    expect(statuses).not.toContain("open");
    expect(statuses.at(-1)).toBe("connecting");
  });
});
