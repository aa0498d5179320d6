"use client";

import { useState } from "react";
import { useReplies } from "@/client/hooks/use-comments";
import { Spinner } from "@/components/ui/spinner";
import type { TComment } from "@/lib/posts/posts.types";
import { CommentForm } from "./comment-form";
import { CommentItem, replyButtonId } from "./comment-item";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A top-level comment with its replies one level below (as Instagram and Bluesky show them):
 * replies load on request a page at a time ("View N more replies"), and the reply composer
 * opens under whichever comment or reply is being answered.
 */
export function CommentThread({ comment, canReply }: { comment: TComment; canReply: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const [replyingTo, setReplyingTo] = useState<TComment | null>(null);
  const replies = useReplies(comment.postId, comment.id, expanded);

  const seen = new Set<string>();
  const loaded = (replies.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((c) => !seen.has(c.id) && seen.add(c.id));
  const remaining = Math.max(0, comment.replyCount - loaded.length);

  function close(answered: TComment, posted: boolean) {
    setReplyingTo(null);
    // Show the thread with the new reply in it; otherwise back where the reader came from.
    if (posted) setExpanded(true);
    requestAnimationFrame(() => document.getElementById(replyButtonId(answered.id))?.focus());
  }

  function composerFor(target: TComment) {
    if (replyingTo?.id !== target.id) return null;
    return (
      <div className="mb-3 ml-11">
        <CommentForm
          postId={comment.postId}
          replyTo={target}
          onClose={(posted) => close(target, posted)}
        />
      </div>
    );
  }

  const replyTo = (target: TComment) =>
    canReply && !target.deleted ? () => setReplyingTo(target) : undefined;

  const more = expanded ? replies.hasNextPage && remaining > 0 : comment.replyCount > 0;
  return (
    <CommentItem
      comment={comment}
      onReply={replyTo(comment)}
      replying={replyingTo?.id === comment.id}
    >
      {composerFor(comment)}
      {expanded && loaded.length > 0 ? (
        <ul
          aria-label={`Replies to ${comment.author ? comment.author.displayName : "a deleted comment"}`}
          className="ml-11 divide-y divide-stone-200 border-l-2 border-stone-100 pl-3"
        >
          {loaded.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              onReply={replyTo(reply)}
              replying={replyingTo?.id === reply.id}
            >
              {composerFor(reply)}
            </CommentItem>
          ))}
        </ul>
      ) : null}
      {replies.isError ? (
        <p role="alert" className="ml-11 text-sm font-medium text-red-700">
          Couldn&rsquo;t load the replies.
        </p>
      ) : null}
      {more || replies.isError ? (
        <div className="mb-3 ml-11">
          <button
            type="button"
            onClick={() => {
              if (!expanded) setExpanded(true);
              else if (replies.isError) void replies.refetch();
              else if (!replies.isFetchingNextPage) void replies.fetchNextPage();
            }}
            aria-disabled={replies.isFetching || undefined}
            className="inline-flex min-h-6 items-center gap-2 rounded-full px-2 py-1 text-sm font-semibold text-stone-600 hover:bg-stone-100 hover:text-stone-900"
          >
            <span aria-hidden="true" className="h-px w-6 bg-stone-400" />
            {replies.isFetching ? (
              <>
                <Spinner /> Loading replies…
              </>
            ) : replies.isError ? (
              "Try again"
            ) : expanded ? (
              `View ${plural(remaining, "more reply", "more replies")}`
            ) : (
              `View ${plural(comment.replyCount, "reply", "replies")}`
            )}
          </button>
        </div>
      ) : null}
    </CommentItem>
  );
}
