"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type RefObject } from "react";
import { useLiveStream, useNewPostIds } from "@/client/hooks/use-live-stream";
import type { PostPages } from "@/client/hooks/use-post-actions";
import { postKeys } from "@/client/query-keys";
import { buttonClassName } from "@/components/ui/button";
import { ArrowUpIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

/**
 * "N new posts" over the top of the home feed: posts the live stream announced stay out of the
 * list until the reader asks for them, so nothing moves under their eyes or their thumb. The
 * button floats (a zero-height sticky row), so appearing shifts nothing either, and it stays in
 * reach at the top of the screen while they scroll. The row is a polite live region, so screen
 * readers hear the count without losing their place. `feed` is the list, to focus once loaded.
 */
export function NewPostsButton({
  loadedIds,
  feed,
}: {
  /** The posts the feed shows already: announced ones among them are not new. */
  loadedIds: ReadonlySet<string>;
  feed: RefObject<HTMLElement | null>;
}) {
  const queryClient = useQueryClient();
  const { newPosts } = useLiveStream();
  const ids = useNewPostIds();
  const count = ids.filter((id) => !loadedIds.has(id)).length;
  const [loading, setLoading] = useState(false);

  // A post the feed has loaded by itself (a refetch on returning to it) is no longer new, and
  // must not count again should it drop out of the loaded pages.
  useEffect(() => {
    for (const id of ids) if (loadedIds.has(id)) newPosts.remove(id);
  }, [ids, loadedIds, newPosts]);

  async function showNewPosts() {
    if (loading) return;
    setLoading(true);
    try {
      // Back to the first page alone, fetched afresh: the new posts come in on top, and the
      // older pages load again on scrolling, rather than refetching every page loaded so far.
      queryClient.setQueryData<PostPages>(postKeys.feed(), (data) =>
        data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
      );
      await queryClient.refetchQueries({ queryKey: postKeys.feed(), exact: true });
      newPosts.clear();
    } finally {
      setLoading(false);
    }
    // The button is gone: move focus to the list, now starting with the new posts, rather than
    // dropping it on the page.
    feed.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }

  const label = `${count} new ${count === 1 ? "post" : "posts"}`;
  return (
    <div aria-live="polite" className="sticky top-2 z-20 flex h-0 justify-center">
      {count > 0 ? (
        <button
          type="button"
          onClick={() => void showNewPosts()}
          aria-disabled={loading || undefined}
          className={buttonClassName({ className: "shadow-lg" })}
        >
          {loading ? (
            <>
              <Spinner /> Loading…
            </>
          ) : (
            <>
              <ArrowUpIcon /> {label}
            </>
          )}
        </button>
      ) : null}
    </div>
  );
}
