import type { NextConfig } from "next";
import { apiSecurityHeaders } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // PGlite, pg and argon2 are Node packages with WASM or native parts: load them at run time
  // instead of bundling them into the server build.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "pg",
    "ioredis",
    // OpenTelemetry instrumentations patch modules as Node loads them (require-in-the-middle).
    "@prisma/instrumentation",
    "@opentelemetry/instrumentation-http",
    // PayPal's server SDKs: plain CommonJS that reads its own package.json at run time.
    "@paypal/checkout-server-sdk",
    "@paypal/payouts-sdk",
  ],
  poweredByHeader: false,
  // The API contract's paths answer as written, with or without a trailing slash: clients that
  // don't follow redirects (httpx, curl without -L) POST to `/api/posts/`, and Next's usual 308
  // to the slashless path lost their request. API paths are matched either way (rewrites below);
  // pages keep a redirect to their one canonical URL (redirects below).
  skipTrailingSlashRedirect: true,
  async redirects() {
    return [{ source: "/:path((?!api/).+)/", destination: "/:path", permanent: true }];
  },
  async rewrites() {
    return { beforeFiles: [{ source: "/api/:path+/", destination: "/api/:path+" }] };
  },
  // Every API response's security headers (pages get theirs, with a nonce, from proxy.ts).
  async headers() {
    const headers = Object.entries(apiSecurityHeaders()).map(([key, value]) => ({ key, value }));
    return [{ source: "/api/:path*", headers }];
  },
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs) for
  // the Docker image and `npm start` (scripts/start.sh).
  output: "standalone",
  // Migrations are read from disk at start-up (lib/database/apply-migrations), not imported, so the
  // standalone output would leave them out.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"] },
  // next/image optimizes media from the two stores (lib/media/storage): local files served by
  // /api/media/files (no query strings) and UploadThing's file hosts. Anything else is refused.
  images: {
    localPatterns: [{ pathname: "/api/media/files/**", search: "" }],
    remotePatterns: [{ protocol: "https", hostname: "*.ufs.sh", pathname: "/f/**" }],
  },
  // `npm test` runs `tsc --noEmit` as its own step; checking again inside `next build` only
  // doubles the time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
