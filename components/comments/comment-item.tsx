"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useDeleteComment } from "@/client/hooks/use-comments";
import { RelativeTime } from "@/components/posts/post-card";
import { RichText } from "@/components/posts/rich-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TrashIcon } from "@/components/ui/icons";
import { Avatar } from "@/components/users/avatar";
import type { TComment } from "@/lib/posts/posts.types";

/** The id of a comment's Reply button, where focus goes back when its composer closes. */
export const replyButtonId = (commentId: string) => `reply-to-${commentId}`;

function DeleteCommentButton({ comment, name }: { comment: TComment; name: string }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteComment(comment.postId);
  const noun = comment.parentId ? "reply" : "comment";
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title={`Delete ${noun}`}
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-full text-stone-500 hover:bg-red-50 hover:text-red-700"
      >
        <TrashIcon />
        <span className="sr-only">
          Delete {noun} by {name}
        </span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Delete this ${noun}?`}
        description={
          comment.replyCount > 0
            ? "It will show as [deleted]; its replies stay. This can't be undone."
            : "This can't be undone."
        }
        confirmLabel={`Delete ${noun}`}
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate(comment, { onSuccess: () => setOpen(false) })}
        error={
          remove.isError ? `Couldn’t delete the ${noun}. ${formErrorMessage(remove.error)}` : null
        }
      />
    </>
  );
}

/** A deleted comment kept for its replies: no author, no text, nothing to act on. */
function DeletedComment() {
  const timeId = useId();
  return (
    <article aria-labelledby={timeId} className="flex gap-3 py-4">
      <span aria-hidden="true" className="size-8 shrink-0 rounded-full bg-stone-200" />
      <div className="min-w-0 flex-1">
        <h3 id={timeId} className="text-sm leading-snug text-stone-600 italic">
          [deleted]
        </h3>
        <p className="mt-1 text-sm text-stone-600">This comment was deleted.</p>
      </div>
    </article>
  );
}

type CommentItemProps = {
  comment: TComment;
  /** Opens the reply composer under this comment; absent when the viewer can't reply. */
  onReply?: () => void;
  /** Whether the reply composer under this comment is open. */
  replying?: boolean;
  /** What goes under the comment's body: its reply composer, its replies. */
  children?: ReactNode;
};

/** One comment or reply: author, time, text ("@user" first when it answers a reply), actions. */
export function CommentItem({ comment, onReply, replying, children }: CommentItemProps) {
  const nameId = useId();
  const timeId = useId();
  const { author } = comment;
  if (comment.deleted || !author) {
    return (
      <li>
        <DeletedComment />
        {children}
      </li>
    );
  }
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
              <span className="break-words text-stone-600">
                @{author.username} <span aria-hidden="true">·</span>{" "}
                <RelativeTime iso={comment.createdAt} id={timeId} />
              </span>
            </h3>
            {comment.viewer?.canDelete ? (
              <DeleteCommentButton comment={comment} name={author.displayName} />
            ) : null}
          </div>
          {comment.replyTo ? (
            <p className="mt-1 text-sm text-stone-600">
              <span className="sr-only">Replying to </span>
              <Link
                href={`/u/${comment.replyTo.username}`}
                className="font-medium text-brand-700 hover:underline"
              >
                @{comment.replyTo.username}
              </Link>
            </p>
          ) : null}
          <RichText text={comment.text} className="mt-1 text-stone-800" />
          {onReply ? (
            <button
              type="button"
              id={replyButtonId(comment.id)}
              onClick={onReply}
              aria-expanded={replying}
              className="-ml-2 mt-1 inline-flex min-h-6 items-center rounded-full px-2 py-1 text-sm font-semibold text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            >
              Reply<span className="sr-only"> to {author.displayName}</span>
            </button>
          ) : null}
        </div>
      </article>
      {children}
    </li>
  );
}
