import Link from "next/link";
import type { TUserSummary } from "@/lib/users/users.types";
import { Avatar } from "./avatar";
import { FollowButton } from "./follow-button";

export function FollowsYouBadge() {
  return (
    <span className="inline-flex items-center rounded-md bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800">
      Follows you
    </span>
  );
}

/**
 * One person in a list: avatar, name and handle linking to the profile, bio, follow button, and
 * an optional note on why they are listed ("Followed by 2 people you follow").
 */
export function UserListItem({
  user,
  note,
}: {
  user: TUserSummary & { avatarUrl?: string | null };
  note?: string;
}) {
  return (
    <li className="flex items-start gap-3 py-4">
      <Avatar username={user.username} displayName={user.displayName} avatarUrl={user.avatarUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={`/u/${user.username}`}
            className="min-w-0 rounded hover:underline focus-visible:underline"
          >
            <span className="block truncate font-semibold text-stone-900">{user.displayName}</span>
            <span className="block truncate text-sm text-stone-600">@{user.username}</span>
          </Link>
          {user.viewer?.followsYou ? <FollowsYouBadge /> : null}
        </div>
        {note ? <p className="mt-0.5 text-xs text-stone-600">{note}</p> : null}
        {user.bio ? (
          <p className="mt-1 line-clamp-2 text-sm break-words text-stone-700">{user.bio}</p>
        ) : null}
      </div>
      <div className="shrink-0">
        <FollowButton user={user} size="sm" signedOut="hidden" />
      </div>
    </li>
  );
}
