import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security/security-headers";

// Security headers on every page and API response (lib/security/security-headers.ts). Pages get
// a fresh nonce: Next.js reads it from the request's Content-Security-Policy header and puts it
// on its scripts, and server components can read it from x-nonce (the checkout hands it to
// PayPal's SDK). Nothing else happens here: no auth (route handlers and pages check that
// themselves), so a request that skipped the proxy would lose headers, never access control.

const https = process.env.NEXTAUTH_URL?.startsWith("https:") ?? false;
const dev = process.env.NODE_ENV === "development";
const mediaOrigins = process.env.UPLOADTHING_UFS_HOST
  ? [`https://*.${process.env.UPLOADTHING_UFS_HOST}`, `http://${process.env.UPLOADTHING_UFS_HOST}`]
  : [];

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    const headers = securityHeaders({ kind: "api", https, dev });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({ kind: "page", nonce, https, dev, mediaOrigins });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files and the icon, which are the same for everyone.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
