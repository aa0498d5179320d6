"use client";

import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";

type SettingsQuery = {
  status: "pending" | "error" | "success";
  refetch: () => unknown;
  isRefetching: boolean;
};

/**
 * What a settings form shows before its settings are there: a skeleton of `rows` checkboxes
 * while loading, or an error with a retry. Null once they loaded, and the form draws itself.
 */
export function SettingsQueryState({ query, rows }: { query: SettingsQuery; rows: number }) {
  if (query.status === "pending") {
    return (
      <div role="status" className="space-y-3">
        <span className="sr-only">Loading settings…</span>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-6 w-3/5" />
        ))}
      </div>
    );
  }
  if (query.status === "error") {
    return (
      <ErrorState
        headingLevel="h3"
        title="Couldn't load your settings"
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  return null;
}
