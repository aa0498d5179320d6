"use client";

import Link from "next/link";
import { ErrorState } from "@/components/ui/error-state";

/**
 * A page that failed while rendering (the database down, a bug): the header and navigation stay,
 * and the reader can try again or go home. The error's details stay in the server's log.
 */
export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="space-y-4 text-center">
      <ErrorState
        headingLevel="h1"
        title="We couldn't load this page"
        message="Something went wrong on our side. Try again in a moment."
        onRetry={retry}
      />
      <Link href="/" className="font-semibold text-brand-700 underline">
        Go home
      </Link>
    </div>
  );
}
