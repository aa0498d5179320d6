import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { openLiveStream } from "@/lib/streaming/open-live-stream";
import {
  STREAM_NAMES,
  ZStreamEventSchema,
  type TStreamName,
} from "@/lib/streaming/streaming.types";

const ZStreamingQuerySchema = z.object({
  stream: z.string().optional().meta({
    description:
      "`user`, `home`, or both as `user,home` (or the parameter repeated). Default: both.",
    example: "user,home",
  }),
});

// Every `stream` parameter (it may repeat), each a comma list.
function parseStreams(values: string[]): Set<TStreamName> {
  const names = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const streams = new Set<TStreamName>();
  for (const name of names.length ? names : STREAM_NAMES) {
    if (!(STREAM_NAMES as readonly string[]).includes(name)) {
      throw new ApiError("bad_request", `Unknown stream "${name.slice(0, 40)}": use user or home.`);
    }
    streams.add(name as TStreamName);
  }
  return streams;
}

// GET /api/streaming – live notifications and home feed changes, as Server-Sent Events
export const GET = route(
  {
    method: "GET",
    path: "/api/streaming",
    operationId: "openStream",
    summary: "Live events (Server-Sent Events)",
    description: [
      "Stays open and sends `text/event-stream`: first `retry: 3000`, then events, each with `id:`, `event:` and a one-line JSON `data:`, and a `: heartbeat` comment every 30 s.",
      "Stream `user`: `notification` (the item as `GET /api/notifications` lists it, with `unreadCount`) and `unread` (`unreadCount` changed without a new one). Stream `home`: `post` (a post, or a repost with `reposterId`, entered your home feed: ids only, never the text) and `delete` (a post left it).",
      "Reconnect with `Last-Event-ID` (browsers' EventSource does) to be sent what you missed in the last 5 minutes, or `resync` (refetch) when that is too far back.",
      "Authenticated by the session cookie or `Authorization: Bearer`; a token in the query string is not accepted. At most `STREAMING_MAX_PER_USER` (5) open streams per user: one more answers 429 `too_many_streams`.",
    ].join("\n\n"),
    tags: ["Notifications"],
    auth: "required",
    query: ZStreamingQuerySchema,
    eventStream: ZStreamEventSchema,
    errors: ["too_many_streams"],
  },
  async ({ req, viewer }) => {
    const streams = parseStreams(req.nextUrl.searchParams.getAll("stream"));
    const header = req.headers.get("last-event-id")?.trim() ?? "";
    // Anything but an id we could have sent is unknown, and so answered with resync.
    const lastEventId = header === "" ? null : /^\d{1,18}$/.test(header) ? header : "0";
    return openLiveStream({ userId: viewer.userId, streams, lastEventId, signal: req.signal });
  },
);
