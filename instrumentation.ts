// Next.js calls register() once per server process, before it serves anything.
export async function register(): Promise<void> {
  // The edge runtime has no database; `next build` must not need one.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  // Node-only code lives in its own module, which the edge build of this file never includes.
  const { ensureDatabaseOnStart } = await import("./lib/db/ensure-database-on-start");
  await ensureDatabaseOnStart();
}
