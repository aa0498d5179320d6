import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { postListSource, SERVER_PAGE_SIZE, type PostListRef } from "@/client/post-lists";
import { log } from "@/lib/log";
import { listExplore } from "@/lib/posts/list-explore";
import { listFeed } from "@/lib/posts/list-feed";
import { listSavedPosts } from "@/lib/posts/list-saved-posts";
import { listUserPosts } from "@/lib/posts/list-user-posts";

/**
 * Loads the first SERVER_PAGE_SIZE posts of a list on the server, as the API would answer them,
 * into `queryClient` under the key the list's client component reads, so the page arrives with
 * its posts instead of a loading state.
 */
export async function prefetchPosts(
  queryClient: QueryClient,
  list: Exclude<PostListRef, { kind: "search" }>,
  viewerId: string | undefined,
): Promise<void> {
  const page = { limit: SERVER_PAGE_SIZE };
  try {
    const first =
      list.kind === "explore"
        ? await listExplore(page, viewerId)
        : list.kind === "user" || list.kind === "user-media"
          ? await listUserPosts(
              list.username,
              { ...page, filter: list.kind === "user-media" ? "media" : undefined },
              viewerId,
            )
          : !viewerId
            ? null
            : list.kind === "home"
              ? await listFeed(viewerId, page)
              : await listSavedPosts(viewerId, page);
    if (!first) return;
    queryClient.setQueryData(postListSource(list).queryKey, {
      pages: [first],
      pageParams: [null],
    });
  } catch (error) {
    // The rest of the page still renders: the list fetches in the browser, and shows its own
    // error state with "Try again" if that fails too.
    log.warn("prefetching posts failed", { error, list: list.kind });
  }
}
