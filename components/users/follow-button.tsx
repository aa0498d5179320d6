"use client";

import Link from "next/link";
import { useFollow } from "@/client/hooks/use-follow";
import { buttonClassName } from "@/components/ui/button";
import type { TViewerRelation } from "@/lib/users/users.types";

export type FollowButtonProps = {
  user: { id: string; username: string; displayName: string; viewer: TViewerRelation | null };
  size?: "sm" | "md";
  /** Signed out: offer a sign-in link (profiles) or show nothing (lists). */
  signedOut?: "link" | "hidden";
};

/**
 * Follow / Unfollow. The label says what a press will do, and names the person, so a list of
 * these buttons reads unambiguously ("Follow Ada Lovelace"). The change shows at once and
 * rolls back, with a message, if the server refuses.
 */
export function FollowButton({ user, size = "md", signedOut = "link" }: FollowButtonProps) {
  const follow = useFollow(user);
  const { viewer } = user;

  if (!viewer) {
    if (signedOut === "hidden") return null;
    const callbackUrl = encodeURIComponent(`/u/${user.username}`);
    return (
      <Link
        href={`/signin?callbackUrl=${callbackUrl}`}
        className={buttonClassName({ variant: "primary", size })}
      >
        Sign in to follow
      </Link>
    );
  }
  if (viewer.isSelf) return null;

  const following = viewer.following;
  const onClick = () => {
    // One request at a time: a second press while the first is in flight would race it.
    if (follow.isPending) return;
    follow.mutate(!following);
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={onClick}
        aria-disabled={follow.isPending || undefined}
        className={buttonClassName({
          variant: following ? "secondary" : "primary",
          size,
          className: "min-w-24",
        })}
      >
        {following ? "Unfollow" : "Follow"}
        <span className="sr-only"> {user.displayName}</span>
      </button>
      {follow.isError ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          Couldn&rsquo;t {follow.variables ? "follow" : "unfollow"}. Try again.
        </p>
      ) : null}
    </div>
  );
}
