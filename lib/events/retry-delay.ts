const MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * How long to wait before delivery attempt `attempts + 1`: exponential from `baseMs` (doubling
 * per attempt, at most 15 minutes), with "equal jitter" (a random point in the upper half), so
 * replicas retrying after the same outage spread out instead of arriving together.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
