import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "@/client/sse-parser";

function parse(chunks: string[], lastEventId = "") {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    { onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) },
    lastEventId,
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries, lastEventId: parser.lastEventId };
}

describe("createSseParser", () => {
  it("reads the live stream's frames: retry, heartbeat, typed events with ids", () => {
    const { events, retries, lastEventId } = parse([
      "retry: 3000\n\n",
      ": heartbeat\n\n",
      'id: 7\nevent: unread\ndata: {"unreadCount":2}\n\n',
      'id: 8\nevent: post\ndata: {"id":"p1"}\n\n',
    ]);
    expect(retries).toEqual([3000]);
    expect(events).toEqual([
      { id: "7", event: "unread", data: '{"unreadCount":2}' },
      { id: "8", event: "post", data: '{"id":"p1"}' },
    ]);
    expect(lastEventId).toBe("8");
  });

  it("joins a frame split anywhere between chunks, even inside a CRLF", () => {
    const text = 'id: 12\r\nevent: delete\r\ndata: {"id":"p2"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const { events } = parse([text.slice(0, cut), text.slice(cut)]);
      expect(events, `cut at ${cut}`).toEqual([{ id: "12", event: "delete", data: '{"id":"p2"}' }]);
    }
    // One character at a time.
    expect(parse([...text]).events).toHaveLength(1);
  });

  it("accepts LF, CR and CRLF line ends", () => {
    for (const end of ["\n", "\r", "\r\n"]) {
      const { events } = parse([`data: a${end}data: b${end}${end}`]);
      expect(events).toEqual([{ id: "", event: "message", data: "a\nb" }]);
    }
  });

  it("follows the standard's field rules", () => {
    const { events, retries } = parse([
      "data:no space\n\n", // the space after the colon is optional
      "data:  two spaces\n\n", // only one is removed
      "data\n\n", // a field with no colon has an empty value
      "event: x\n\n", // no data: nothing is dispatched, and the type does not leak on
      "data: y\n\n",
      "retry: soon\n\n", // not digits: ignored
      "unknown: z\ndata: w\n\n",
      "id: a\0b\ndata: v\n\n", // an id with NUL is ignored
    ]);
    expect(events.map((e) => [e.event, e.data, e.id])).toEqual([
      ["message", "no space", ""],
      ["message", " two spaces", ""],
      ["message", "", ""],
      ["message", "y", ""],
      ["message", "w", ""],
      ["message", "v", ""],
    ]);
    expect(retries).toEqual([]);
  });

  it("keeps the last id across events and frames without data, from the one it resumed at", () => {
    const { events, lastEventId } = parse(["data: a\n\n", "id: 5\n\n", "data: b\n\n"], "4");
    expect(events.map((e) => e.id)).toEqual(["4", "5"]);
    expect(lastEventId).toBe("5");
    // An empty id field resets it, as in EventSource.
    expect(parse(["id: 5\n\n", "id\ndata: c\n\n"]).lastEventId).toBe("");
  });

  it("drops a frame the stream ended in the middle of", () => {
    const { events, lastEventId } = parse(['id: 9\nevent: post\ndata: {"id":"p3"}\n']);
    expect(events).toEqual([]);
    expect(lastEventId).toBe("");
  });
});
