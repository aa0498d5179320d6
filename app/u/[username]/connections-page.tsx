import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { FollowListKind } from "@/client/query-keys";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { FollowListScreen } from "./follow-list-screen";
import { loadProfile } from "./load-profile";

const TABS: { kind: FollowListKind; label: string }[] = [
  { kind: "followers", label: "Followers" },
  { kind: "following", label: "Following" },
];

export async function connectionsTitle(rawUsername: string, kind: FollowListKind) {
  const profile = await loadProfile(decodeURIComponent(rawUsername));
  if (!profile) return "Profile not found";
  const who = `${profile.displayName} (@${profile.username})`;
  return kind === "followers" ? `People following ${who}` : `People followed by ${who}`;
}

/** Shared by /u/[username]/followers and /following: heading, the two tabs, then the list. */
export async function ConnectionsPage({
  rawUsername,
  kind,
}: {
  rawUsername: string;
  kind: FollowListKind;
}) {
  const ref = decodeURIComponent(rawUsername);
  const profile = await loadProfile(ref);
  if (!profile) notFound();
  if (ref !== profile.username) redirect(`/u/${profile.username}/${kind}`);
  const { username, displayName } = profile;

  return (
    <div className="space-y-4">
      <Link
        href={`/u/${username}`}
        className="inline-flex items-center gap-1.5 rounded text-sm font-medium text-brand-700 hover:underline"
      >
        <ArrowLeftIcon />
        Back to {displayName}
      </Link>
      <h1 className="text-2xl font-bold break-words">
        {kind === "followers" ? `People following ${displayName}` : `People ${displayName} follows`}
      </h1>
      <nav aria-label={`${displayName}'s connections`}>
        <ul className="flex border-b border-stone-200">
          {TABS.map((tab) => {
            const current = tab.kind === kind;
            const count =
              tab.kind === "followers" ? profile.stats.followers : profile.stats.following;
            return (
              <li key={tab.kind} className="flex-1 sm:flex-none">
                <Link
                  href={`/u/${username}/${tab.kind}`}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px block border-b-2 px-4 py-3 text-center text-sm font-semibold ${
                    current
                      ? "border-brand-600 text-stone-900"
                      : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
                  }`}
                >
                  {tab.label} <span className="font-normal text-stone-600">{count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <FollowListScreen
        kind={kind}
        username={username}
        displayName={displayName}
        isSelf={profile.viewer?.isSelf ?? false}
      />
    </div>
  );
}
