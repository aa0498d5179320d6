import type { UseMutationOptions } from "@tanstack/react-query";

/**
 * What a screen adds to a data hook's mutation: its own messages, focus and navigation. The
 * hook keeps the request and the cache; these run where the screen's own callbacks ran before,
 * so a button stays disabled until they finish.
 */
export type MutationCallbacks<TData, TVariables> = Pick<
  UseMutationOptions<TData, Error, TVariables>,
  "onSuccess" | "onError"
>;
