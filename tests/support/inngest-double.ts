// A local stand-in for Inngest's event API, speaking its protocol as the SDK uses it: POST
// /e/{eventKey} with a JSON array of events, answered with {"ids": [...], "status": 200}. It
// records every request, and can be told to fail (HTTP 500, as Inngest does when it is down).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEvent = { id?: string; name: string; data: Record<string, unknown>; ts?: number };
export type EventRequest = { at: number; eventKey: string; events: SentEvent[]; status: number };

export type InngestDouble = {
  /** For INNGEST_BASE_URL. */
  url: string;
  requests: EventRequest[];
  /** While true, every request gets a 500. */
  setFailing: (failing: boolean) => void;
  close: () => Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startInngestDouble({ failing = false } = {}): Promise<InngestDouble> {
  const requests: EventRequest[] = [];
  let failNow = failing;
  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const match = /^\/e\/([^/?]+)$/.exec(new URL(req.url ?? "/", "http://double").pathname);
    if (req.method !== "POST" || !match) return answer(404, { error: "not found", status: 404 });
    readBody(req).then(
      (text) => {
        let events: unknown;
        try {
          events = JSON.parse(text);
        } catch {
          return answer(400, { error: "invalid JSON", status: 400 });
        }
        if (!Array.isArray(events)) return answer(400, { error: "expected an array", status: 400 });
        const status = failNow ? 500 : 200;
        requests.push({
          at: Date.now(),
          eventKey: match[1]!,
          events: events as SentEvent[],
          status,
        });
        if (status !== 200) return answer(status, { error: "internal error (double)", status });
        answer(200, { ids: (events as SentEvent[]).map((e) => e.id ?? ""), status: 200 });
      },
      () => answer(400, { error: "unreadable body", status: 400 }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    setFailing: (value) => {
      failNow = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
