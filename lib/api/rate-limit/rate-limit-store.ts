import "server-only";

/** Counts hits in fixed windows. `hit` answers the count within the current window. */
export type RateLimitStore = {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  /** The count so far, without adding to it. */
  peek(key: string): Promise<{ count: number; resetInSeconds: number }>;
};
