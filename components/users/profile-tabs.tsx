import Link from "next/link";

export const PROFILE_TABS = [
  { id: "posts", label: "Posts" },
  { id: "replies", label: "Replies" },
  { id: "media", label: "Media" },
] as const;

export type ProfileTab = (typeof PROFILE_TABS)[number]["id"];

export function parseProfileTab(value: unknown): ProfileTab {
  return PROFILE_TABS.some((t) => t.id === value) ? (value as ProfileTab) : "posts";
}

/**
 * Posts, Replies and Media as links (`?tab=replies`), as Mastodon's profiles do: each tab has
 * its own address to share and works before scripts load; the current one is marked for
 * screen readers with aria-current.
 */
export function ProfileTabs({ username, current }: { username: string; current: ProfileTab }) {
  return (
    <nav aria-label="Profile sections" className="border-b border-stone-200">
      <ul className="flex">
        {PROFILE_TABS.map((tab) => {
          const active = tab.id === current;
          return (
            <li key={tab.id} className="flex-1">
              <Link
                href={tab.id === "posts" ? `/u/${username}` : `/u/${username}?tab=${tab.id}`}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={`flex min-h-11 items-center justify-center border-b-2 px-3 text-sm font-semibold ${
                  active
                    ? "border-brand-600 text-stone-900"
                    : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
