"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useComments, useDeleteComment } from "@/client/hooks/use-comments";
import { RelativeTime } from "@/components/posts/post-card";
import { RichText } from "@/components/posts/rich-text";
import { buttonClassName } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { CommentIcon, TrashIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Avatar } from "@/components/users/avatar";
import type { TComment } from "@/lib/posts/posts.types";

function DeleteCommentButton({ comment }: { comment: TComment }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteComment(comment.postId);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="Delete comment"
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-full text-stone-500 hover:bg-red-50 hover:text-red-700"
      >
        <TrashIcon />
        <span className="sr-only">Delete comment by {comment.author.displayName}</span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete this comment?"
        description="This can't be undone."
        confirmLabel="Delete comment"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setOpen(false) })}
        error={
          remove.isError ? `Couldn’t delete the comment. ${formErrorMessage(remove.error)}` : null
        }
      />
    </>
  );
}

function CommentItem({ comment }: { comment: TComment }) {
  const nameId = useId();
  const timeId = useId();
  const { author } = comment;
  return (
    <li>
      <article aria-labelledby={`${nameId} ${timeId}`} className="flex gap-3 py-4">
        <Link
          href={`/u/${author.username}`}
          tabIndex={-1}
          aria-hidden="true"
          className="rounded-full"
        >
          <Avatar
            username={author.username}
            displayName={author.displayName}
            avatarUrl={author.avatarUrl}
            size="sm"
          />
        </Link>
        <div className="min-w-0 flex-1">
          <div className="flex items-start justify-between gap-2">
            <h3 className="min-w-0 text-sm leading-snug">
              <Link
                id={nameId}
                href={`/u/${author.username}`}
                className="rounded font-semibold break-words text-stone-900 hover:underline"
              >
                {author.displayName}
              </Link>{" "}
              <span className="text-stone-600">
                @{author.username} <span aria-hidden="true">·</span>{" "}
                <RelativeTime iso={comment.createdAt} id={timeId} />
              </span>
            </h3>
            {comment.viewer?.canDelete ? <DeleteCommentButton comment={comment} /> : null}
          </div>
          <RichText text={comment.text} className="mt-1 text-stone-800" />
        </div>
      </article>
    </li>
  );
}

/** A post's comments, oldest first, with more loaded on request. */
export function CommentList({ postId }: { postId: string }) {
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
          <CommentItem key={comment.id} comment={comment} />
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
