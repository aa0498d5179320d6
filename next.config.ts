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
  // Every API response's security headers (pages get theirs, with a nonce, from proxy.ts).
  async headers() {
    const headers = Object.entries(apiSecurityHeaders()).map(([key, value]) => ({ key, value }));
    return [{ source: "/api/:path*", headers }];
  },
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs) for
  // the Docker image; `next start` still serves the same build in development and tests.
  output: "standalone",
  // Migrations are read from disk at start-up (lib/db/apply-migrations), not imported, so the
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
