import "server-only";

export type Check = {
  status: "ok" | "down";
  latencyMs: number;
  error?: string;
  details?: Record<string, unknown>;
};

const TIMEOUT_MS = 3_000;

/**
 * Runs one probe with a time limit: a dependency that hangs is as down as one that refuses.
 * A probe may answer an object of details (the outbox backlog, say); only its first error line
 * is kept, so a stack or a URL with credentials never reaches the response.
 */
export async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    const details =
      answer && typeof answer === "object" && !Array.isArray(answer) && !(answer instanceof Date)
        ? (answer as Record<string, unknown>)
        : undefined;
    return details && isPlain(details)
      ? { status: "ok", latencyMs: latencyMs(), details }
      : { status: "ok", latencyMs: latencyMs() };
  } catch (error) {
    return {
      status: "down",
      latencyMs: latencyMs(),
      error: error instanceof Error ? error.message.split("\n")[0] : "unreachable",
    };
  } finally {
    clearTimeout(timer);
  }
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
