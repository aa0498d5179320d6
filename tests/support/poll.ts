/**
 * Calls `check` until it answers something other than undefined/false/null, or the deadline
 * passes (then throws, with the last answer). For asynchronous effects, such as a notification
 * that a background event writes a moment after the request that caused it.
 */
export async function poll<T>(
  check: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 150, what = "the condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    last = value;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
