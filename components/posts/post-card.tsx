"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { RepostIcon } from "@/components/ui/icons";
import { Avatar } from "@/components/users/avatar";
import type { TPost } from "@/lib/posts/posts.types";
import { PaidPostPanel } from "./paid-post-panel";
import { PostActions } from "./post-actions";
import { PostHistoryDialog } from "./post-history-dialog";
import { LinkPreviewCard } from "./link-preview-card";
import type { PostMenuItem } from "./post-menu";
import { PostMedia } from "./post-media";
import { RichText } from "./rich-text";

// ---- Time ---------------------------------------------------------------------------------

const MINUTE = 60_000;

// The clock, to the minute, shared by every timestamp on the page. The server has no "now" that
// matches the browser's, so server rendering and hydration see null and show an absolute date;
// the browser then switches to relative times without a hydration mismatch.
let minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => {
      minuteNow = Math.max(minuteNow, Math.floor(Date.now() / MINUTE) * MINUTE);
      return minuteNow;
    },
    () => null,
  );
}

const utcDate = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const localDate = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short" });
const shortDate = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
const shortDateYear = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "5m" to see, "5 minutes ago" to hear. */
function describe(date: Date, now: number): { short: string; spoken: string } {
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 60) return { short: "now", spoken: "just now" };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { short: `${minutes}m`, spoken: relative.format(-minutes, "minute") };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { short: `${hours}h`, spoken: relative.format(-hours, "hour") };
  const days = Math.floor(hours / 24);
  if (days < 7) return { short: `${days}d`, spoken: relative.format(-days, "day") };
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  const text = (sameYear ? shortDate : shortDateYear).format(date);
  return { short: text, spoken: `on ${text}` };
}

/**
 * A <time> showing how long ago, with the full date and time in its title. Before the browser
 * takes over, it shows the UTC date, which the server and the browser render alike.
 */
export function RelativeTime({ iso, id }: { iso: string; id?: string }) {
  const now = useNow();
  const date = new Date(iso);
  if (now === null) {
    const text = `${utcDate.format(date)} UTC`;
    return (
      <time id={id} dateTime={iso} title={text}>
        {text}
      </time>
    );
  }
  const { short, spoken } = describe(date, now);
  return (
    <time id={id} dateTime={iso} title={localDate.format(date)}>
      <span aria-hidden="true">{short}</span>
      <span className="sr-only">{spoken}</span>
    </time>
  );
}

// ---- Card ---------------------------------------------------------------------------------

function ContentWarning({ post }: { post: TPost }) {
  const [revealed, setRevealed] = useState(false);
  const bodyId = useId();
  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-amber-300 bg-amber-50 px-3 py-2">
        <p className="min-w-0 text-sm text-amber-950">
          <span className="font-semibold">Content warning:</span>{" "}
          <span className="break-words">{post.contentWarning}</span>
        </p>
        <button
          type="button"
          aria-expanded={revealed}
          aria-controls={bodyId}
          onClick={() => setRevealed((r) => !r)}
          className="min-h-9 rounded-full border border-amber-400 bg-white px-3 text-sm font-semibold text-amber-950 hover:bg-amber-100"
        >
          {revealed ? "Hide post" : "Show post"}
        </button>
      </div>
      <div id={bodyId} hidden={!revealed}>
        {post.text ? (
          <RichText
            text={post.text}
            hashtags={post.hashtags}
            mentions={post.mentions}
            className="mt-2 text-stone-900"
          />
        ) : null}
        <LinkPreviewCard preview={post.linkPreview} />
        <PostMedia media={post.media} />
      </div>
    </div>
  );
}

/** The original inside a quote post, or a note that it is no longer there. */
function QuotedPost({ quoted }: { quoted: TPost["quoted"] }) {
  if (!quoted) return null;
  if (!quoted.available || !quoted.post) {
    return (
      <p className="mt-3 rounded-xl border border-stone-200 bg-stone-50 p-3 text-sm text-stone-600">
        This post is unavailable.
      </p>
    );
  }
  const { author, text, contentWarning } = quoted.post;
  return (
    <Link
      href={`/p/${quoted.id}`}
      className="mt-3 block rounded-xl border border-stone-200 p-3 text-sm [overflow-wrap:anywhere] hover:bg-stone-50"
    >
      <span className="font-semibold text-stone-900">{author.displayName}</span>{" "}
      <span className="text-stone-600">@{author.username}</span>
      <span className="mt-1 block break-words text-stone-800">
        {contentWarning ? `Content warning: ${contentWarning}` : text}
      </span>
    </Link>
  );
}

// ---- Opening the post from anywhere on the card -----------------------------------------------

// What a click on keeps to itself: the card's own controls, and the dialogs and menus it holds
// (a native <dialog> sits inside the card in the DOM, so its clicks bubble up through it).
const INTERACTIVE =
  "a, button, input, textarea, select, label, summary, video, audio, dialog, [role='menu'], [role='dialog'], [tabindex]:not([tabindex='-1'])";

/**
 * Whether a click on the card means "open this post", as Mastodon's and Bluesky's cards do: a
 * plain primary click on the card itself, not on something it holds that does its own thing,
 * not with a modifier (the browser's own gestures for links) and not the end of selecting text.
 */
export function opensPost(event: MouseEvent<HTMLElement>): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
  const target = event.target;
  if (!(target instanceof Element) || !event.currentTarget.contains(target)) return false;
  const control = target.closest(INTERACTIVE);
  if (control && event.currentTarget.contains(control) && control !== event.currentTarget) {
    return false;
  }
  const selection = window.getSelection();
  return !selection || selection.isCollapsed || selection.toString().trim() === "";
}

export type PostCardProps = {
  post: TPost;
  /** The author's name is this heading, so headings step through a feed post by post. */
  headingLevel?: "h2" | "h3";
  /** The post page shows the text larger. */
  size?: "default" | "large";
  /** After the author deletes the post (the post page leaves for home). */
  onDeleted?: () => void;
  /**
   * The post page's card: it doesn't open itself, and it takes focus on arrival (tabIndex -1),
   * so keyboard and screen reader users start at the post they opened.
   */
  standalone?: boolean;
  /** More entries for the card's "…" menu (see PostMenu). */
  menuItems?: PostMenuItem[];
};

/**
 * One post: who wrote it and when (linking to their profile and to the post), its text with
 * links, a content warning to click through, "Edited" opening its history, and its actions.
 */
export function PostCard({
  post,
  headingLevel: Heading = "h2",
  size = "default",
  onDeleted,
  standalone = false,
  menuItems,
}: PostCardProps) {
  const [historyOpen, setHistoryOpen] = useState(false);
  const router = useRouter();
  const ref = useRef<HTMLElement>(null);
  const postHref = `/p/${post.id}`;

  // Once per post opened, not on every re-render (a like would steal focus back). Without a
  // scroll: the page has just opened at its top, or at #comments, which a link asked for.
  useEffect(() => {
    if (standalone) ref.current?.focus({ preventScroll: true });
  }, [standalone, post.id]);
  const nameId = useId();
  const timeId = useId();
  const { author } = post;
  const profileHref = `/u/${author.username}`;

  return (
    // The click is a shortcut for the pointer; keyboard users have the timestamp link.
    <article
      ref={ref}
      aria-labelledby={`${nameId} ${timeId}`}
      tabIndex={standalone ? -1 : undefined}
      onClick={
        standalone
          ? undefined
          : (event) => {
              if (opensPost(event)) router.push(postHref);
            }
      }
      // overflow-wrap is inherited: no unbroken name, word or URL on the card can widen the page.
      className={`min-w-0 rounded-2xl border border-stone-200 bg-white p-4 break-words shadow-sm sm:p-5 ${
        standalone ? "" : "cursor-pointer"
      }`}
    >
      {post.repostedBy ? (
        <p className="mb-2 flex items-center gap-1.5 text-sm text-stone-600">
          <RepostIcon className="size-4 shrink-0" />
          <Link
            href={`/u/${post.repostedBy.username}`}
            className="inline-flex min-h-6 min-w-0 items-center font-medium break-words hover:underline"
          >
            {post.repostedBy.viewer?.isSelf ? "You" : post.repostedBy.displayName}
          </Link>{" "}
          reposted
        </p>
      ) : null}
      <header className="flex items-start gap-3">
        {/* The name beside it is the same link; one tab stop is enough. */}
        <Link href={profileHref} tabIndex={-1} aria-hidden="true" className="rounded-full">
          <Avatar
            username={author.username}
            displayName={author.displayName}
            avatarUrl={author.avatarUrl}
          />
        </Link>
        <div className="min-w-0 flex-1">
          <Heading id={nameId} className="leading-snug">
            <Link
              href={profileHref}
              className="inline-block max-w-full rounded py-0.5 font-semibold break-words text-stone-900 hover:underline"
            >
              {author.displayName}
            </Link>
          </Heading>
          <p className="flex flex-wrap items-center gap-x-1.5 text-sm text-stone-600">
            <span className="max-w-full truncate">@{author.username}</span>
            <span aria-hidden="true">·</span>
            {/* At least 24 px each way (WCAG 2.5.8): "5m" alone is narrower. */}
            <Link
              href={postHref}
              className="inline-flex min-h-6 min-w-6 items-center justify-center rounded hover:underline"
            >
              <RelativeTime iso={post.createdAt} id={timeId} />
            </Link>
            {post.editedAt ? (
              <>
                <span aria-hidden="true">·</span>
                <button
                  type="button"
                  onClick={() => setHistoryOpen(true)}
                  aria-haspopup="dialog"
                  className="inline-flex min-h-6 items-center rounded underline underline-offset-2 hover:text-stone-900"
                >
                  Edited
                  <span className="sr-only"> – show edit history</span>
                </button>
              </>
            ) : null}
          </p>
        </div>
      </header>

      {post.contentWarning ? (
        <ContentWarning post={post} />
      ) : (
        <>
          {/* A photo post may have no words: then no empty paragraph either. */}
          {post.text ? (
            <RichText
              text={post.text}
              hashtags={post.hashtags}
              mentions={post.mentions}
              className={`mt-2 text-stone-900 ${size === "large" ? "text-lg" : ""}`}
            />
          ) : null}
          <LinkPreviewCard preview={post.linkPreview} />
          <PostMedia media={post.media} large={size === "large"} />
        </>
      )}
      <QuotedPost quoted={post.quoted} />
      <PaidPostPanel post={post} />

      <PostActions
        post={post}
        onDeleted={onDeleted}
        onShowHistory={post.editedAt ? () => setHistoryOpen(true) : undefined}
        menuItems={menuItems}
      />

      {post.editedAt ? (
        <PostHistoryDialog
          postId={post.id}
          open={historyOpen}
          onClose={() => setHistoryOpen(false)}
        />
      ) : null}
    </article>
  );
}
