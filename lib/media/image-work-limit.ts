import "server-only";

/**
 * A counting semaphore over decoded pixels: image work runs while the pixels in flight stay
 * within the budget, and waits its turn (first come, first served) otherwise. Decoding is what
 * costs memory (a 50-megapixel JPEG is ~150 MB of pixels while it is rotated and resized), so a
 * process-wide budget bounds what concurrent uploads can add, whatever their number, while small
 * photos still run side by side. Hand-written: it is twenty lines, and the packages that offer
 * one count permits, not weights.
 */
export function createPixelBudget(budget: number) {
  let inFlight = 0;
  const waiting: { weight: number; start: () => void }[] = [];

  const next = () => {
    while (waiting.length > 0 && inFlight + waiting[0]!.weight <= budget) {
      const first = waiting.shift()!;
      inFlight += first.weight;
      first.start();
    }
  };

  return async function withPixels<T>(pixels: number, work: () => Promise<T>): Promise<T> {
    // One image over the budget alone still runs, alone.
    const weight = Math.min(Math.max(1, pixels), budget);
    await new Promise<void>((start) => {
      waiting.push({ weight, start });
      next();
    });
    try {
      return await work();
    } finally {
      inFlight -= weight;
      next();
    }
  };
}
