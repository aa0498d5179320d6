"use client";

import { useId } from "react";
import { useSuggestions } from "@/client/hooks/use-discovery";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { TSuggestedUser } from "@/lib/discovery/discovery.types";
import { UserListItem } from "./user-list-item";

function reason(user: TSuggestedUser): string {
  if (user.followedBy === 0) return "Popular on Grover";
  return user.followedBy === 1
    ? "Followed by 1 person you follow"
    : `Followed by ${user.followedBy} people you follow`;
}

/**
 * "Who to follow": accounts the people you follow follow, then popular ones
 * (GET /api/users/suggestions), each with why it is suggested and a follow button. Someone just
 * followed stays in the list with "Following", so the list doesn't move under the pointer.
 */
export function WhoToFollow({
  headingLevel: Heading = "h2",
  title = "Who to follow",
}: {
  headingLevel?: "h2" | "h3";
  title?: string;
}) {
  const suggestions = useSuggestions();
  const headingId = useId();

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-2xl border border-stone-200 bg-white px-4 pt-4 shadow-sm sm:px-5"
    >
      <Heading id={headingId} className="text-lg font-semibold">
        {title}
      </Heading>
      {suggestions.status === "pending" ? (
        <div role="status" className="space-y-3 py-4">
          <span className="sr-only">Loading suggestions…</span>
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-3">
              <Skeleton className="size-11 shrink-0 rounded-full" />
              <Skeleton className="h-4 w-2/5" />
            </div>
          ))}
        </div>
      ) : suggestions.status === "error" ? (
        <div className="pb-4">
          <ErrorState
            headingLevel={Heading === "h2" ? "h3" : "h2"}
            message="We couldn't load suggestions."
            onRetry={() => void suggestions.refetch()}
            retrying={suggestions.isRefetching}
          />
        </div>
      ) : suggestions.data.items.length === 0 ? (
        <p className="py-4 text-sm text-stone-600">
          No suggestions right now. As more people join, you&apos;ll find them here.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {suggestions.data.items.map((user) => (
            <UserListItem key={user.id} user={user} note={reason(user)} />
          ))}
        </ul>
      )}
    </section>
  );
}
