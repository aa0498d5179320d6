"use client";

import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useCurrentUser } from "@/client/hooks/use-current-user";
import { useMenu } from "@/client/hooks/use-menu";
import { usePinPost } from "@/client/hooks/use-pin-post";
import { useDeletePost } from "@/client/hooks/use-post";
import { ReportDialog } from "@/components/forms/report-dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { LinkIcon, MoreIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import type { TPost } from "@/lib/posts/posts.types";
import { EditPostForm } from "./edit-post-form";
import { QuoteDialog } from "./quote-dialog";

/**
 * One entry of a post's "…" menu: an action (`onSelect`) or a page to go to (`href`). Other
 * features add theirs through PostMenu's `extraItems` (a "Pin to profile", say) rather than
 * another button on the card, which has no room for one on a phone.
 */
export type PostMenuItem = {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Red, for what can't be undone. */
  danger?: boolean;
  href?: string;
  onSelect?: () => void;
};

type MenuDialog = "quote" | "report" | "edit" | "delete";

const itemClassName =
  "flex min-h-10 w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm font-medium hover:bg-stone-100 focus-visible:bg-stone-100";

/** A glyph where the icon set has none; hidden from screen readers like the icons. */
const Glyph = ({ children }: { children: string }) => (
  <span aria-hidden="true" className="inline-flex size-4 items-center justify-center leading-none">
    {children}
  </span>
);

export type PostMenuProps = {
  post: TPost;
  /** Shows the post's edit history (the card owns that dialog, "Edited" opens it too). */
  onShowHistory?: () => void;
  /** After the author deletes the post. */
  onDeleted?: () => void;
  /** More entries, placed after the sharing ones and before the author's Edit and Delete. */
  extraItems?: PostMenuItem[];
  /** The trigger's look, so it sits in the action row like the buttons beside it. */
  triggerClassName: string;
};

/**
 * The post's secondary actions behind a "…" button (WAI-ARIA menu button, useMenu): share,
 * copy link, quote, edit history, tip and report, and for its author pin, edit and delete. The
 * primary ones (like, reply, repost, save) stay on the card.
 */
export function PostMenu({
  post,
  onShowHistory,
  onDeleted,
  extraItems = [],
  triggerClassName,
}: PostMenuProps) {
  const menu = useMenu();
  const [dialog, setDialog] = useState<MenuDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeletePost(post);
  const pin = usePinPost();
  const { user } = useCurrentUser();
  const { viewer } = post;
  // One pinned post per profile: pinning this one replaces any other.
  const pinned = user?.pinnedPostId === post.id;

  // "Link copied" is announced (role=status) and then goes; a new notice restarts the clock.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const postUrl = () => new URL(`/p/${post.id}`, window.location.origin).toString();
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(postUrl());
      setNotice("Link copied");
    } catch {
      setNotice(`Couldn’t copy the link: ${postUrl()}`);
    }
  };
  const share = async () => {
    if (typeof navigator.share !== "function") return copyLink();
    try {
      await navigator.share({ title: `${post.author.displayName} on Grover`, url: postUrl() });
    } catch (cause) {
      // Closing the share sheet is no failure; anything else falls back to copying.
      if (!(cause instanceof DOMException && cause.name === "AbortError")) await copyLink();
    }
  };
  // Focus goes back to the menu button first, so a dialog hands it back there when it closes.
  const open = (next: MenuDialog) => () => setDialog(next);

  const items: PostMenuItem[] = [
    { key: "share", label: "Share", icon: <Glyph>⇪</Glyph>, onSelect: () => void share() },
    { key: "copy-link", label: "Copy link", icon: <LinkIcon />, onSelect: () => void copyLink() },
    ...(viewer
      ? [{ key: "quote", label: "Quote", icon: <Glyph>❝</Glyph>, onSelect: open("quote") }]
      : []),
    ...(post.editedAt && onShowHistory
      ? [{ key: "history", label: "Edit history", icon: <Glyph>↺</Glyph>, onSelect: onShowHistory }]
      : []),
    ...(viewer && !viewer.isAuthor
      ? [
          {
            key: "tip",
            label: `Tip @${post.author.username}`,
            icon: <Glyph>$</Glyph>,
            href: `/checkout?tip=${encodeURIComponent(post.author.username)}`,
          },
          { key: "report", label: "Report post", icon: <Glyph>⚑</Glyph>, onSelect: open("report") },
        ]
      : []),
    ...extraItems,
    ...(viewer?.isAuthor
      ? [
          {
            key: "pin",
            label: pinned ? "Unpin from profile" : "Pin to profile",
            icon: <Glyph>📌</Glyph>,
            onSelect: () => pin.mutate(pinned ? null : post.id),
          },
          { key: "edit", label: "Edit post", icon: <PencilIcon />, onSelect: open("edit") },
          {
            key: "delete",
            label: "Delete post",
            icon: <TrashIcon />,
            danger: true,
            onSelect: open("delete"),
          },
        ]
      : []),
  ];

  return (
    <div className="relative">
      <button {...menu.triggerProps} title="More" className={triggerClassName}>
        <MoreIcon className="size-5" />
        <span className="sr-only">More options for this post</span>
      </button>
      {/* z-40: a menu opened near the bottom of a phone's screen goes over the tab bar (z-30),
          not under it. */}
      {menu.open ? (
        <div
          {...menu.menuProps}
          aria-label="Post options"
          className="absolute top-full right-0 z-40 mt-1 w-52 max-w-[calc(100vw-2rem)] rounded-xl border border-stone-200 bg-white p-1 shadow-lg"
        >
          {items.map((item) => {
            const className = `${itemClassName} ${item.danger ? "text-red-700" : "text-stone-900"}`;
            const content = (
              <>
                {item.icon}
                <span className="min-w-0 break-words">{item.label}</span>
              </>
            );
            return item.href ? (
              <Link
                key={item.key}
                href={item.href}
                role="menuitem"
                tabIndex={-1}
                onClick={() => menu.close()}
                className={className}
              >
                {content}
              </Link>
            ) : (
              <button
                key={item.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  menu.close();
                  item.onSelect?.();
                }}
                className={className}
              >
                {content}
              </button>
            );
          })}
        </div>
      ) : null}
      <span role="status" className="absolute top-full right-0 z-40 mt-1 whitespace-nowrap">
        {notice ? (
          <span className="block max-w-[calc(100vw-2rem)] truncate rounded-lg bg-stone-900 px-3 py-1.5 text-sm text-white shadow">
            {notice}
          </span>
        ) : null}
      </span>

      {viewer ? (
        <QuoteDialog post={post} open={dialog === "quote"} onClose={() => setDialog(null)} />
      ) : null}
      {viewer && !viewer.isAuthor ? (
        <ReportDialog
          targetType="post"
          targetId={post.id}
          open={dialog === "report"}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {viewer?.isAuthor ? (
        <>
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
        </>
      ) : null}
    </div>
  );
}
