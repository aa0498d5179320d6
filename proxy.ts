import { NextResponse, type NextRequest } from "next/server";
import { databaseOutagePage } from "@/lib/health/database-outage-page";
import { pageSecurityHeaders } from "@/lib/security/security-headers";

// Runs before every page (Node runtime). Each concern keeps its own function file under lib/;
// this file only chains them, and does no auth (route handlers and pages check that
// themselves), so a request that skipped the proxy would lose headers, never access control.
//
// Security headers on every page (lib/security/security-headers.ts; API responses get theirs
// from next.config.ts, because a proxy in front of a route buffers its request body). A fresh
// nonce per page: Next.js reads it from the request's Content-Security-Policy header and puts it
// on its scripts, and server components can read it from x-nonce (the checkout hands it to
// PayPal's SDK). While the database is unreachable, pages answer a 503 instead
// (lib/health/database-outage-page.ts), with the same headers.

const https = process.env.NEXTAUTH_URL?.startsWith("https:") ?? false;
const dev = process.env.NODE_ENV === "development";
const mediaOrigins = process.env.UPLOADTHING_UFS_HOST
  ? [`https://*.${process.env.UPLOADTHING_UFS_HOST}`, `http://${process.env.UPLOADTHING_UFS_HOST}`]
  : [];

export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = pageSecurityHeaders({ nonce, https, dev, mediaOrigins });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response =
    (await databaseOutagePage(request)) ??
    NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages: everything but the API (never widen it to /api: a proxy buffers request bodies, which
  // would cut uploads), the build's static files and the icon.
  matcher: ["/((?!api(?:/|$)|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
