// Next.js calls register() once per server process before it serves anything.

const RETRY_MS = 5_000;

export async function register(): Promise<void> {
  // The edge runtime has no database access; `next build` must not need a database.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { ensureDatabase } = await import("./lib/db/ensure-database");
  const { isDatabaseUnavailableError } = await import("./lib/db/is-database-unavailable-error");
  try {
    await ensureDatabase();
  } catch (error) {
    // A migration that fails, or one edited after it was applied, must stop the app. An
    // unreachable PostgreSQL must not: the app starts, answers 503 (and /api/health says
    // "down"), and migrates as soon as the database is back.
    if (!isDatabaseUnavailableError(error)) throw error;
    report("database unavailable at start-up; retrying", error);
    const timer = setInterval(() => {
      ensureDatabase().then(
        () => {
          clearInterval(timer);
          report("database reachable; migrations applied");
        },
        (retryError: unknown) => {
          if (!isDatabaseUnavailableError(retryError)) {
            clearInterval(timer);
            report("database set-up failed", retryError);
          }
        },
      );
    }, RETRY_MS);
    timer.unref();
  }
}

/** One JSON line, like lib/log (which is server-only and cannot load here). */
function report(message: string, error?: unknown): void {
  const line = {
    time: new Date().toISOString(),
    level: error ? "error" : "info",
    message,
    ...(error instanceof Error ? { error: { name: error.name, message: error.message } } : {}),
  };
  (error ? process.stderr : process.stdout).write(JSON.stringify(line) + "\n");
}
