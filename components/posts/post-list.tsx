"use client";

import { useMemo, useRef, type ReactNode, type RefObject } from "react";
import { useAutoLoadMore } from "@/client/hooks/use-auto-load-more";
import { useFeed } from "@/client/hooks/use-feed";
import { postListSource, type PostListRef } from "@/client/post-lists";
import { buttonClassName } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { Page } from "@/lib/api/page.types";
import type { TPost } from "@/lib/posts/posts.types";
import { NewPostsButton } from "./new-posts-button";
import { PostCard } from "./post-card";

/** Cards shaped like PostCard, with one announcement for screen readers. */
export function PostListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">Loading posts…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
          <div className="flex items-center gap-3">
            <Skeleton className="size-11 shrink-0 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-2/5" />
              <Skeleton className="h-3 w-1/4" />
            </div>
          </div>
          <div className="mt-4 space-y-2">
            <Skeleton className="h-4 w-full" />
            <Skeleton className={`h-4 ${i % 2 ? "w-3/5" : "w-4/5"}`} />
          </div>
          <div className="mt-4 flex gap-4">
            <Skeleton className="h-6 w-10 rounded-full" />
            <Skeleton className="h-6 w-10 rounded-full" />
            <Skeleton className="h-6 w-10 rounded-full" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** The parts of a useInfiniteQuery result over pages of posts that the list needs. */
export type PostPagesQuery = {
  data: { pages: Page<TPost>[] } | undefined;
  status: "pending" | "error" | "success";
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  isRefetching: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

export type PostListProps = {
  query: PostPagesQuery;
  /** Names the list for screen readers, e.g. "Home feed". */
  label: string;
  /** Shown when the list loaded and is empty. */
  empty: ReactNode;
  /** The level of each post's heading, one below the section it sits in. */
  headingLevel?: "h2" | "h3";
  /** Dims the list while results for a new input are on their way. */
  stale?: boolean;
  /** What to say once the last page is shown. */
  endMessage?: string;
  /** Makes the list focusable from script (not by Tab), for whatever moves focus to it. */
  listRef?: RefObject<HTMLUListElement | null>;
};

/**
 * Posts, a page at a time, as a list of articles. The next page loads by itself when the end
 * of the list nears the viewport, and with the "Load more" button, which keyboard and switch
 * users can reach and which also covers browsers without IntersectionObserver.
 */
export function PostList({
  query,
  label,
  empty,
  headingLevel = "h2",
  stale = false,
  endMessage = "You're all caught up.",
  listRef,
}: PostListProps) {
  const { data, status, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    query;
  const sentinel = useAutoLoadMore(query, "600px");

  if (status === "pending") return <PostListSkeleton />;
  if (status === "error") {
    return (
      <ErrorState
        title="Couldn't load these posts"
        message="Check your connection and try again."
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }

  // A post can move between pages while they load (a new one pushes the rest down): show once.
  const seen = new Set<string>();
  const posts = (data?.pages.flatMap((page) => page.items) ?? []).filter(
    (post) => !seen.has(post.id) && seen.add(post.id),
  );
  if (posts.length === 0) return <>{empty}</>;

  return (
    <div>
      <ul
        ref={listRef}
        tabIndex={listRef ? -1 : undefined}
        aria-label={label}
        aria-busy={stale || isFetchingNextPage || undefined}
        className={`space-y-4 transition-opacity focus:outline-none ${stale ? "opacity-60" : ""}`}
      >
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} headingLevel={headingLevel} />
          </li>
        ))}
      </ul>
      <div ref={sentinel} className="flex flex-col items-center gap-2 pt-4 pb-6">
        {isFetchNextPageError ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            Couldn&rsquo;t load more posts.
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
          <p className="text-sm text-stone-600">{endMessage}</p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A list of posts named by plain data, so a server page can render one:
 * `<PostFeed list={{ kind: "explore" }} label="Explore" empty={<EmptyState … />} />`.
 */
export function PostFeed({ list, ...props }: Omit<PostListProps, "query"> & { list: PostListRef }) {
  const query = useFeed(postListSource(list));
  if (list.kind === "home") return <HomeFeed query={query} {...props} />;
  return <PostList query={query} {...props} />;
}

/** The home feed, with "N new posts" from the live stream floating over its top. */
function HomeFeed(props: PostListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const pages = props.query.data?.pages;
  const loadedIds = useMemo(
    () => new Set(pages?.flatMap((page) => page.items.map((post) => post.id))),
    [pages],
  );
  return (
    <div>
      <NewPostsButton loadedIds={loadedIds} feed={listRef} />
      <PostList {...props} listRef={listRef} />
    </div>
  );
}
