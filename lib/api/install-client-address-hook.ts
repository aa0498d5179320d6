import "server-only";
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/config";
import { normalizeAddress, PEER_HEADER, setPeerToken } from "./client-ip";

// Headers only a proxy may write. Next.js fills in x-forwarded-for/-host/-proto/-port itself only
// when they are absent, so a client's own values would otherwise reach the app as if true.
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];

const state = globalThis as unknown as { __groverClientAddressHook?: boolean };

/**
 * Route handlers in Next.js see headers, never the socket. Node publishes every request on the
 * `http.server.request.start` diagnostics channel, synchronously, before the server's 'request'
 * listeners run: there the socket's address is written into the headers the app reads.
 *
 * Without TRUST_PROXY, forwarding headers a client sent are dropped, X-Forwarded-For becomes the
 * socket's address, and PEER_HEADER carries it with this process's token (lib/api/client-ip.ts).
 * Requests that reached the server before this ran (it runs from instrumentation's register(),
 * after the server is listening) carry no token and share one bucket.
 */
export function installClientAddressHook() {
  if (state.__groverClientAddressHook) return;
  state.__groverClientAddressHook = true;
  const token = randomBytes(16).toString("hex");
  const trustProxy = env().TRUST_PROXY > 0;

  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const headers = request.headers;
    delete headers[PEER_HEADER];
    if (trustProxy) return;
    for (const name of FORWARDING_HEADERS) delete headers[name];
    const address = normalizeAddress(socket.remoteAddress ?? "");
    headers["x-forwarded-for"] = address;
    headers[PEER_HEADER] = `${token} ${address}`;
  });
  setPeerToken(token);
}
