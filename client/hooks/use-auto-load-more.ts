"use client";

import { useEffect, useRef } from "react";

type InfiniteQueryLike = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * Loads the next page by itself when the returned sentinel (put it after the list) comes within
 * `margin` of the viewport. Not after a failed page (the list offers a retry instead), and not
 * where IntersectionObserver is missing: the list's "Load more" button covers that, and
 * keyboard and switch users.
 */
export function useAutoLoadMore(query: InfiniteQueryLike, margin: string) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const canAutoLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !canAutoLoad || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [canAutoLoad, fetchNextPage, margin]);

  return sentinel;
}
