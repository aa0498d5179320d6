// Next.js calls register() once per server process, before it serves anything.
export async function register(): Promise<void> {
  // The edge runtime has no database; `next build` must not need one.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  // Rate limits key on each client's own address: write the socket's address into the headers
  // route handlers read (lib/api/install-client-address-hook.ts), first, so that as few requests
  // as possible arrive before it.
  const { installClientAddressHook } = await import("./lib/api/install-client-address-hook");
  installClientAddressHook();

  // Traces (lib/observability): registered first, so Prisma and node:http are patched before use.
  const { registerTracing } = await import("./lib/observability/register-tracing");
  registerTracing();

  // Node-only code lives in its own module, which the edge build of this file never includes.
  const { ensureDatabaseOnStart } = await import("./lib/database/ensure-database-on-start");
  await ensureDatabaseOnStart();

  // The outbox dispatcher (lib/events): delivers background events from this process, to Inngest
  // or to the same functions run here. Started after the database so its first pass can work;
  // while the database is down, its passes fail quietly and it keeps polling.
  // It is handed the functions here, so lib/ never imports inngest/.
  const { GROVER_FUNCTIONS } = await import("./inngest/functions");
  const { startDispatcherOnBoot } = await import("./lib/events/start-dispatcher-on-boot");
  startDispatcherOnBoot(GROVER_FUNCTIONS);
}
