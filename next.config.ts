import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite, pg and argon2 are Node packages with WASM or native parts: load them at run time
  // instead of bundling them into the server build.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "pg",
    "ioredis",
  ],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` as its own step; checking again inside `next build` only
  // doubles the time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
