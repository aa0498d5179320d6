import { randomUUID } from "node:crypto";

const SAFE_ID = /^[\w.-]{8,128}$/;

/** Keeps a caller's or the proxy's request id when it looks sane, so logs can be joined up. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
