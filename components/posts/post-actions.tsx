"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMenu } from "@/client/hooks/use-menu";
import { usePostActions } from "@/client/hooks/use-post-actions";
import {
  BookmarkIcon,
  CommentIcon,
  HeartIcon,
  RepostIcon,
  SmilePlusIcon,
} from "@/components/ui/icons";
import { formatCount } from "@/components/users/profile-header";
import { ALLOWED_REACTIONS, type TPost } from "@/lib/posts/posts.types";
import { PostMenu, type PostMenuItem } from "./post-menu";

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
// 40 px tall and at least 36 wide: well over the 24 px WCAG 2.5.8 asks for, and six of them
// with counts still fit the 256 px a card has inside on a 320 px phone.
const actionBase =
  "inline-flex min-h-10 min-w-9 shrink-0 items-center justify-center gap-1 rounded-full px-2 text-sm font-medium transition-colors hover:bg-stone-100";
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
          className="absolute top-full left-0 z-40 mt-1 flex gap-0.5 rounded-full border border-stone-200 bg-white p-1 shadow-lg"
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

export type PostActionsProps = {
  post: TPost;
  onDeleted?: () => void;
  /** Opens the post's edit history, from the "…" menu. */
  onShowHistory?: () => void;
  /** More entries for the "…" menu (see PostMenu). */
  menuItems?: PostMenuItem[];
};

/**
 * What can be done with a post: like, react, comment, repost and save on the card, the rest in
 * its "…" menu (PostMenu). Toggles carry aria-pressed and change at once (see usePostActions).
 * Signed out, the counts show and pressing like leads to sign-in.
 */
export function PostActions({ post, onDeleted, onShowHistory, menuItems }: PostActionsProps) {
  const actions = usePostActions(post.id);
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

      {/* Spread over the card's width (up to a limit), like Mastodon's and Bluesky's; wrapping is
          the last resort on the narrowest phones, never a row wider than the card. */}
      <div className="relative -ml-2 flex max-w-md flex-wrap items-center justify-between gap-x-1">
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
        ) : null}

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

        <PostMenu
          post={post}
          onDeleted={onDeleted}
          onShowHistory={onShowHistory}
          extraItems={menuItems}
          triggerClassName={action()}
        />
      </div>

      {actions.error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {actions.error}
        </p>
      ) : null}
    </div>
  );
}
