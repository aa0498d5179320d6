"use client";

import { buttonClassName } from "./button";

export type ErrorStateProps = {
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
  headingLevel?: "h1" | "h2" | "h3";
};

/** A failed load: says so plainly and offers to try again. */
export function ErrorState({
  title = "Something went wrong",
  message = "We couldn't load this. Check your connection and try again.",
  onRetry,
  retrying = false,
  headingLevel: Heading = "h2",
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className="flex flex-col items-center rounded-2xl border border-red-200 bg-red-50 px-6 py-8 text-center"
    >
      <div
        aria-hidden="true"
        className="mb-3 flex size-10 items-center justify-center rounded-full bg-red-100 text-lg font-bold text-red-800"
      >
        !
      </div>
      <Heading className="text-base font-semibold text-red-900">{title}</Heading>
      <p className="mt-1 max-w-sm text-sm text-red-800">{message}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className={buttonClassName({ variant: "secondary", className: "mt-4" })}
        >
          {retrying ? "Trying again…" : "Try again"}
        </button>
      ) : null}
    </div>
  );
}
