// Server-Sent Events, parsed as the HTML standard's EventSource parses them
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
// We read the stream with fetch() rather than EventSource because EventSource cannot send
// Last-Event-ID on a connection it did not open itself, and the live stream closes while the tab
// is hidden and must resume where it stopped when it is shown again.

export type SseEvent = {
  /** The last event id the stream has set, as EventSource's `lastEventId` ("" when none). */
  id: string;
  /** The `event:` field, "message" when there was none. */
  event: string;
  /** The `data:` lines, joined with "\n". */
  data: string;
};

export type SseHandlers = {
  onEvent: (event: SseEvent) => void;
  /** A `retry:` field: the reconnection delay the server asks for, in milliseconds. */
  onRetry?: (ms: number) => void;
};

export type SseParser = {
  /** Feeds decoded text, in chunks of any size: a line or a CRLF may be split between two. */
  push: (text: string) => void;
  /** The id to send as Last-Event-ID when reconnecting. */
  readonly lastEventId: string;
};

/** A parser for one connection's text; `lastEventId` seeds the id an event carries before any `id:`. */
export function createSseParser(handlers: SseHandlers, lastEventId = ""): SseParser {
  let buffer = "";
  // A chunk that ended in CR: an LF at the start of the next one belongs to the same line break.
  let skipLeadingLf = false;
  let eventType = "";
  let data = "";
  let hasData = false;
  let idBuffer = lastEventId;
  let committedId = lastEventId;

  function dispatch() {
    committedId = idBuffer;
    const type = eventType || "message";
    eventType = "";
    if (!hasData) return;
    const payload = data;
    data = "";
    hasData = false;
    handlers.onEvent({ id: committedId, event: type, data: payload });
  }

  function processLine(line: string) {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return; // a comment: the heartbeat
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        eventType = value;
        break;
      case "data":
        data = hasData ? `${data}\n${value}` : value;
        hasData = true;
        break;
      case "id":
        if (!value.includes("\0")) idBuffer = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
        break;
      // Any other field is ignored, as the standard says.
    }
  }

  return {
    push(text) {
      if (skipLeadingLf && text.startsWith("\n")) text = text.slice(1);
      skipLeadingLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== "\n" && char !== "\r") continue;
        processLine(buffer.slice(start, i));
        if (char === "\r") {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === "\n") i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    get lastEventId() {
      return committedId;
    },
  };
}
