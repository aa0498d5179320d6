"use client";

import { ErrorState } from "@/components/ui/error-state";

// A failure while loading a profile (the database down, say): offer to load it again.
export default function ProfileError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState
      headingLevel="h1"
      title="We couldn't load this page"
      message="Something went wrong on our side. Try again in a moment."
      onRetry={retry}
    />
  );
}
