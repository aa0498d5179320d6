"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useMenu } from "@/client/hooks/use-menu";
import { useCurrentUser } from "@/client/hooks/use-current-user";
import { usePinPost } from "@/client/hooks/use-pin-post";
import { useDeletePost } from "@/client/hooks/use-post";
import { usePostActions } from "@/client/hooks/use-post-actions";
import { ReportButton } from "@/components/forms/report-dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import {
  BookmarkIcon,
  CommentIcon,
  HeartIcon,
  MoreIcon,
  PencilIcon,
  RepostIcon,
  SmilePlusIcon,
  TrashIcon,
} from "@/components/ui/icons";
import { formatCount } from "@/components/users/profile-header";
import { ALLOWED_REACTIONS, type TPost } from "@/lib/posts/posts.types";
import { EditPostForm } from "./edit-post-form";
import { QuoteDialog } from "./quote-dialog";
import { TipLink } from "./tip-link";

/** Names for the allowed reactions, for screen readers and tooltips. */
export const REACTION_NAMES: Record<string, string> = {
  "❤️": "Heart",
  "😂": "Laughing",
  "😮": "Surprised",
  "😢": "Sad",
  "🔥": "Fire",
  "👏": "Clapping",
};
const reactionName = (emoji: string) => REACTION_NAMES[emoji] ?? emoji;

// The colour comes separately (`tone`): two text colours in one class list would leave the
// winner to the order of Tailwind's stylesheet, not to the order written here.
const actionBase =
  "inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 rounded-full px-2.5 text-sm font-medium transition-colors hover:bg-stone-100";
const TONES = {
  idle: "text-stone-600 hover:text-stone-900",
  liked: "text-red-700 hover:text-red-800",
  saved: "text-brand-700 hover:text-brand-700",
  open: "bg-stone-100 text-stone-900",
} as const;
const action = (tone: keyof typeof TONES = "idle") => `${actionBase} ${TONES[tone]}`;

function ReactionPicker({
  reacted,
  onPick,
}: {
  reacted: string[];
  onPick: (emoji: string, on: boolean) => void;
}) {
  const menu = useMenu();
  return (
    <>
      <button {...menu.triggerProps} title="React" className={action(menu.open ? "open" : "idle")}>
        <SmilePlusIcon className="size-5" />
        <span className="sr-only">Add a reaction</span>
      </button>
      {menu.open ? (
        <div
          {...menu.menuProps}
          aria-label="Choose a reaction"
          aria-orientation="horizontal"
          // Anchored to the actions row, not the button, so it fits a 375px screen.
          className="absolute top-full left-0 z-20 mt-1 flex gap-0.5 rounded-full border border-stone-200 bg-white p-1 shadow-lg"
        >
          {ALLOWED_REACTIONS.map((emoji) => {
            const on = reacted.includes(emoji);
            return (
              <button
                key={emoji}
                type="button"
                role="menuitemcheckbox"
                aria-checked={on}
                tabIndex={-1}
                title={reactionName(emoji)}
                onClick={() => {
                  onPick(emoji, !on);
                  menu.close();
                }}
                // Chosen ones are tinted, not ringed: a ring would look like the focus outline.
                className={`flex size-11 items-center justify-center rounded-full text-xl transition-transform hover:scale-110 motion-reduce:hover:scale-100 ${
                  on ? "bg-brand-100" : "hover:bg-stone-100"
                }`}
              >
                <span aria-hidden="true">{emoji}</span>
                <span className="sr-only">{reactionName(emoji)}</span>
              </button>
            );
          })}
        </div>
      ) : null}
    </>
  );
}

/**
 * "Pin to profile" / "Unpin" in the author's menu: one pinned post per profile, so pinning this
 * one replaces any other. The label follows the viewer's account (its pinnedPostId).
 */
function PinMenuItem({
  postId,
  className,
  onDone,
}: {
  postId: string;
  className: string;
  onDone: () => void;
}) {
  const { user } = useCurrentUser();
  const pin = usePinPost();
  const pinned = user?.pinnedPostId === postId;
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      disabled={pin.isPending}
      onClick={() => pin.mutate(pinned ? null : postId, { onSettled: onDone })}
      className={className}
    >
      <span aria-hidden="true">📌</span> {pinned ? "Unpin" : "Pin to profile"}
    </button>
  );
}

function AuthorMenu({ post, onDeleted }: { post: TPost; onDeleted?: () => void }) {
  const menu = useMenu();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const remove = useDeletePost(post);
  const choose = (next: "edit" | "delete") => {
    // Focus the menu button first, so the dialog hands focus back to it when it closes.
    menu.close();
    setDialog(next);
  };
  const itemClassName =
    "flex w-full items-center gap-2 rounded-lg px-3 py-2.5 text-left text-sm font-medium hover:bg-stone-100 focus-visible:bg-stone-100";

  return (
    <div className="relative ml-auto">
      <button
        {...menu.triggerProps}
        title="More options"
        className={action(menu.open ? "open" : "idle")}
      >
        <MoreIcon className="size-5" />
        <span className="sr-only">More options for this post</span>
      </button>
      {menu.open ? (
        <div
          {...menu.menuProps}
          aria-label="Post options"
          className="absolute top-full right-0 z-20 mt-1 w-44 rounded-xl border border-stone-200 bg-white p-1 shadow-lg"
        >
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => choose("edit")}
            className={`${itemClassName} text-stone-900`}
          >
            <PencilIcon /> Edit post
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => choose("delete")}
            className={`${itemClassName} text-red-700`}
          >
            <TrashIcon /> Delete post
          </button>
          <PinMenuItem
            postId={post.id}
            className={`${itemClassName} text-stone-900`}
            onDone={menu.close}
          />
        </div>
      ) : null}

      <Dialog open={dialog === "edit"} onClose={() => setDialog(null)} title="Edit post">
        <EditPostForm post={post} onDone={() => setDialog(null)} />
      </Dialog>

      <ConfirmDialog
        open={dialog === "delete"}
        onClose={() => setDialog(null)}
        title="Delete this post?"
        description="This can't be undone. Its likes, reactions and comments go with it."
        confirmLabel="Delete post"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setDialog(null);
              onDeleted?.();
            },
          })
        }
        error={
          remove.isError ? `Couldn’t delete the post. ${formErrorMessage(remove.error)}` : null
        }
      />
    </div>
  );
}

/**
 * What can be done with a post: like, react, comment, save, and for its author edit and delete.
 * Toggles carry aria-pressed and change at once (see usePostActions). Signed out, the counts
 * show and pressing like leads to sign-in.
 */
export function PostActions({ post, onDeleted }: { post: TPost; onDeleted?: () => void }) {
  const actions = usePostActions(post.id);
  const [quoting, setQuoting] = useState(false);
  const pathname = usePathname();
  const { viewer, counts } = post;
  const likes = formatCount(counts.likes, "like", "likes");
  const comments = formatCount(counts.comments, "comment", "comments");

  return (
    <div className="mt-3">
      {post.reactions.length > 0 ? (
        <ul aria-label="Reactions" className="mb-2 flex flex-wrap gap-1.5">
          {post.reactions.map(({ emoji, count }) => {
            const mine = viewer?.reactions.includes(emoji) ?? false;
            const content = (
              <>
                <span aria-hidden="true">{emoji}</span>
                <span className="sr-only">{reactionName(emoji)}</span>
                <span className="tabular-nums">{formatCount(count, "", "").value}</span>
              </>
            );
            const chip = `inline-flex min-h-8 items-center gap-1 rounded-full border px-2.5 text-sm ${
              mine
                ? "border-brand-600 bg-brand-50 font-semibold text-brand-700"
                : "border-stone-200 bg-stone-50 text-stone-700"
            }`;
            return (
              <li key={emoji}>
                {viewer ? (
                  <button
                    type="button"
                    aria-pressed={mine}
                    title={
                      mine
                        ? `Remove your ${reactionName(emoji)}`
                        : `React with ${reactionName(emoji)}`
                    }
                    onClick={() => actions.setReaction(emoji, !mine)}
                    className={`${chip} hover:border-brand-600`}
                  >
                    {content}
                  </button>
                ) : (
                  <span className={chip}>{content}</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}

      <div className="relative -ml-2.5 flex items-center gap-1">
        {viewer ? (
          <button
            type="button"
            aria-pressed={viewer.liked}
            title={viewer.liked ? "Unlike" : "Like"}
            onClick={() => actions.setLiked(!viewer.liked)}
            className={action(viewer.liked ? "liked" : "idle")}
          >
            <HeartIcon className={`size-5 ${viewer.liked ? "fill-current" : ""}`} />
            <span className="sr-only">Like</span>
            {counts.likes > 0 ? <span className="tabular-nums">{likes.value}</span> : null}
          </button>
        ) : (
          <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`} className={action()}>
            <HeartIcon className="size-5" />
            <span className="sr-only">Sign in to like. </span>
            {counts.likes > 0 ? (
              <span>
                <span className="tabular-nums">{likes.value}</span>
                <span className="sr-only"> {likes.noun}</span>
              </span>
            ) : null}
          </Link>
        )}

        {viewer ? <ReactionPicker reacted={viewer.reactions} onPick={actions.setReaction} /> : null}

        <Link href={`/p/${post.id}#comments`} className={action()}>
          <CommentIcon className="size-5" />
          {counts.comments > 0 ? (
            <span>
              <span className="tabular-nums">{comments.value}</span>
              <span className="sr-only"> {comments.noun}</span>
            </span>
          ) : (
            <span className="sr-only">Comment</span>
          )}
        </Link>

        {viewer ? (
          <>
            <button
              type="button"
              aria-pressed={viewer.reposted}
              title={viewer.reposted ? "Undo repost" : "Repost"}
              onClick={() => actions.setReposted(!viewer.reposted)}
              className={action(viewer.reposted ? "saved" : "idle")}
            >
              <RepostIcon className="size-5" />
              <span className="sr-only">Repost</span>
              {counts.reposts > 0 ? <span className="tabular-nums">{counts.reposts}</span> : null}
            </button>
            <button
              type="button"
              title="Quote"
              aria-haspopup="dialog"
              onClick={() => setQuoting(true)}
              className={action()}
            >
              <span aria-hidden="true" className="text-lg leading-none">
                ❝
              </span>
              <span className="sr-only">Quote</span>
            </button>
            <QuoteDialog post={post} open={quoting} onClose={() => setQuoting(false)} />
          </>
        ) : null}

        {viewer ? (
          <button
            type="button"
            aria-pressed={viewer.saved}
            title={viewer.saved ? "Remove from Saved" : "Save"}
            onClick={() => actions.setSaved(!viewer.saved)}
            className={action(viewer.saved ? "saved" : "idle")}
          >
            <BookmarkIcon className={`size-5 ${viewer.saved ? "fill-current" : ""}`} />
            <span className="sr-only">Save</span>
          </button>
        ) : null}

        {viewer && !viewer.isAuthor ? <TipLink username={post.author.username} /> : null}
        {viewer && !viewer.isAuthor ? (
          <ReportButton targetType="post" targetId={post.id} className={action()} />
        ) : null}

        {viewer?.isAuthor ? <AuthorMenu post={post} onDeleted={onDeleted} /> : null}
      </div>

      {actions.error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {actions.error}
        </p>
      ) : null}
    </div>
  );
}
