import { ensureDatabase } from "./ensure-database";
import { isDatabaseUnavailableError } from "./is-database-unavailable-error";

// No `import "server-only"`: loaded by instrumentation.ts, outside the React server graph.

const RETRY_MS = 5_000;

/**
 * The server's start-up step (instrumentation.ts): the database ready and migrated before the
 * first request. A migration that fails, or one edited after it was applied, stops the server.
 * An unreachable PostgreSQL does not: the server starts, answers 503 (/api/health says "down"),
 * and keeps trying, migrating as soon as the database is back.
 */
export async function ensureDatabaseOnStart(): Promise<void> {
  try {
    await ensureDatabase();
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    report("error", "database unavailable at start-up; retrying every 5 s", error);
    const timer = setInterval(() => {
      // ensureDatabase shares one attempt between callers, so slow attempts never pile up.
      ensureDatabase().then(
        () => {
          clearInterval(timer);
          report("info", "database reachable; migrations applied");
        },
        (retryError: unknown) => {
          if (isDatabaseUnavailableError(retryError)) return;
          clearInterval(timer);
          report("error", "database set-up failed", retryError);
        },
      );
    }, RETRY_MS);
    timer.unref();
  }
}

/** One JSON line in lib/log's format (lib/log is server-only and cannot load here). */
function report(level: "info" | "error", message: string, error?: unknown): void {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...(error instanceof Error ? { error: { name: error.name, message: error.message } } : {}),
  });
  (level === "error" ? process.stderr : process.stdout).write(line + "\n");
}
