"use client";

import Link from "next/link";
import { useId } from "react";
import { useAutoLoadMore } from "@/client/hooks/use-auto-load-more";
import { useUserComments } from "@/client/hooks/use-user-comments";
import { RelativeTime } from "@/components/posts/post-card";
import { RichText } from "@/components/posts/rich-text";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { CommentIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { TUserComment } from "@/lib/discovery/discovery.types";

function UserCommentItem({ comment }: { comment: TUserComment }) {
  const timeId = useId();
  const { post } = comment;
  // A post behind a content warning shows the warning, not its text; a locked paid post shows
  // only its preview (the API already sends no more).
  const postText = post.contentWarning ? `Content warning: ${post.contentWarning}` : post.text;
  return (
    <li>
      <article
        aria-labelledby={timeId}
        className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <Link
          href={`/p/${post.id}`}
          className="block rounded-xl border border-stone-200 bg-stone-50 px-3 py-2 text-sm hover:border-stone-300"
        >
          <span className="block truncate text-stone-600">
            Replying to{" "}
            <span className="font-semibold text-stone-900">{post.author.displayName}</span> @
            {post.author.username}
          </span>
          {postText ? (
            <span className="mt-1 line-clamp-2 break-words text-stone-800">{postText}</span>
          ) : null}
        </Link>
        <p className="mt-3 text-sm text-stone-600">
          <span className="sr-only">Reply </span>
          <RelativeTime iso={comment.createdAt} id={timeId} />
        </p>
        <RichText text={comment.text} className="mt-1 break-words text-stone-900" />
      </article>
    </li>
  );
}

/** A profile's Replies tab: the user's comments, newest first, each under the post it answers. */
export function UserCommentList({
  username,
  displayName,
}: {
  username: string;
  displayName: string;
}) {
  const query = useUserComments(username);
  const sentinel = useAutoLoadMore(query, "600px");

  if (query.status === "pending") {
    return (
      <div role="status" className="space-y-3">
        <span className="sr-only">Loading replies…</span>
        {[0, 1].map((i) => (
          <Skeleton key={i} className="h-28 w-full rounded-2xl" />
        ))}
      </div>
    );
  }
  if (query.status === "error") {
    return (
      <ErrorState
        headingLevel="h3"
        message="We couldn't load the replies."
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<CommentIcon className="size-5" />}
        title="No replies yet"
        description={`When ${displayName} comments on a post, it shows up here.`}
        headingLevel="h3"
      />
    );
  }
  return (
    <div className="space-y-3">
      <ul aria-label={`Replies by ${displayName}`} className="space-y-3">
        {items.map((c) => (
          <UserCommentItem key={c.id} comment={c} />
        ))}
      </ul>
      <div ref={sentinel} />
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className={buttonClassName({ variant: "secondary" })}
          >
            {query.isFetchingNextPage ? <Spinner /> : null}
            {query.isFetchingNextPage ? "Loading…" : "Load more replies"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
