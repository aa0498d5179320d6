"use client";

import type { ReactNode } from "react";
import { useAutoLoadMore } from "@/client/hooks/use-auto-load-more";
import { buttonClassName } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { UserListSkeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { Page } from "@/lib/api/page.types";
import type { TUserSummary } from "@/lib/users/users.types";
import { UserListItem } from "./user-list-item";

/** The parts of a useInfiniteQuery result over pages of users that the list needs. */
export type UserPagesQuery = {
  data: { pages: Page<TUserSummary>[] } | undefined;
  status: "pending" | "error" | "success";
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  isRefetching: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

export type UserListProps = {
  query: UserPagesQuery;
  /** Names the list for screen readers, e.g. "Followers". */
  label: string;
  /** Shown when the list loaded and has nobody in it. */
  empty: ReactNode;
  /** Dims the list while results for a new input are on their way. */
  stale?: boolean;
};

/**
 * People, a page at a time. The next page loads by itself when the end of the list scrolls into
 * view, and with the "Load more" button, which keyboard and switch users can reach and which
 * also covers browsers without IntersectionObserver.
 */
export function UserList({ query, label, empty, stale = false }: UserListProps) {
  const { data, status, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    query;
  const sentinel = useAutoLoadMore(query, "300px");

  if (status === "pending") return <UserListSkeleton />;
  if (status === "error") {
    return (
      <ErrorState
        title="Couldn't load this list"
        message="Check your connection and try again."
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }

  const users = data?.pages.flatMap((page) => page.items) ?? [];
  if (users.length === 0) return <>{empty}</>;

  return (
    <div>
      <ul
        aria-label={label}
        aria-busy={stale || isFetchingNextPage || undefined}
        className={`divide-y divide-stone-200 transition-opacity ${stale ? "opacity-60" : ""}`}
      >
        {users.map((user) => (
          <UserListItem key={user.id} user={user} />
        ))}
      </ul>
      <div ref={sentinel} className="flex flex-col items-center gap-2 pt-2 pb-4">
        {isFetchNextPageError ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            Couldn&rsquo;t load more.
          </p>
        ) : null}
        {hasNextPage ? (
          <button
            type="button"
            onClick={() => {
              if (!isFetchingNextPage) void fetchNextPage();
            }}
            aria-disabled={isFetchingNextPage || undefined}
            className={buttonClassName({ variant: "secondary" })}
          >
            {isFetchingNextPage ? (
              <>
                <Spinner /> Loading…
              </>
            ) : isFetchNextPageError ? (
              "Try again"
            ) : (
              "Load more"
            )}
          </button>
        ) : (data?.pages.length ?? 0) > 1 ? (
          <p className="text-sm text-stone-600">That&rsquo;s everyone.</p>
        ) : null}
      </div>
    </div>
  );
}
