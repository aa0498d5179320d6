"use client";

import { useComments } from "@/client/hooks/use-comments";
import { buttonClassName } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { CommentIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { CommentThread } from "./comment-thread";

/**
 * A post's comments, oldest first, each with its replies, with more loaded on request.
 * `canReply`: the viewer is signed in (a Reply button on each comment).
 */
export function CommentList({ postId, canReply = false }: { postId: string; canReply?: boolean }) {
  const query = useComments(postId);
  const { data, status, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    query;

  if (status === "pending") {
    return (
      <div role="status" className="space-y-4 py-2">
        <span className="sr-only">Loading comments…</span>
        {[0, 1].map((i) => (
          <div key={i} className="flex gap-3">
            <Skeleton className="size-8 shrink-0 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-3 w-1/3" />
              <Skeleton className="h-4 w-4/5" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (status === "error") {
    return (
      <ErrorState
        headingLevel="h3"
        title="Couldn't load the comments"
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }

  // A comment just added is appended at once; the page that holds it may arrive later too.
  const seen = new Set<string>();
  const comments = data.pages
    .flatMap((page) => page.items)
    .filter((c) => !seen.has(c.id) && seen.add(c.id));

  if (comments.length === 0) {
    // Inside the comments card already: a quiet line rather than another bordered box.
    return (
      <div className="flex flex-col items-center py-6 text-center">
        <div
          aria-hidden="true"
          className="mb-2 flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-700"
        >
          <CommentIcon className="size-5" />
        </div>
        <h3 className="font-semibold text-stone-900">No comments yet</h3>
        <p className="text-sm text-stone-600">Start the conversation.</p>
      </div>
    );
  }

  return (
    <div>
      <ul aria-label="Comments" className="divide-y divide-stone-200">
        {comments.map((comment) => (
          <CommentThread key={comment.id} comment={comment} canReply={canReply} />
        ))}
      </ul>
      {hasNextPage || isFetchNextPageError ? (
        <div className="flex flex-col items-center gap-2 pt-2">
          {isFetchNextPageError ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              Couldn&rsquo;t load more comments.
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => {
              if (!isFetchingNextPage) void fetchNextPage();
            }}
            aria-disabled={isFetchingNextPage || undefined}
            className={buttonClassName({ variant: "secondary", size: "sm" })}
          >
            {isFetchingNextPage ? (
              <>
                <Spinner /> Loading…
              </>
            ) : isFetchNextPageError ? (
              "Try again"
            ) : (
              "Show more comments"
            )}
          </button>
        </div>
      ) : null}
    </div>
  );
}
