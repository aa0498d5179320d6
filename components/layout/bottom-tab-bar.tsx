"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useNavLinks } from "@/client/hooks/use-nav-links";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { CompassIcon, HomeIcon, SearchIcon } from "@/components/ui/icons";
import { Avatar } from "@/components/users/avatar";
import { MenuSheet } from "./menu-sheet";

const ICONS: Record<string, ReactNode> = {
  "/": <HomeIcon className="size-6" />,
  "/explore": <CompassIcon className="size-6" />,
  "/search": <SearchIcon className="size-6" />,
};

// Each tab shares the bar evenly and is at least 56 px tall: a thumb's target, well over WCAG's
// 24 px.
const tabClassName =
  "flex h-14 min-w-0 flex-1 items-center justify-center text-stone-600 hover:text-stone-900 aria-[current=page]:text-brand-700";

/**
 * Below the md breakpoint, the app's navigation as a bar fixed to the bottom of the screen, in
 * reach of a thumb (as on Mastodon's and Bluesky's mobile web): Home, Explore, Search,
 * Notifications and a menu (the profile and everything else, in a sheet). Signed out, Sign in
 * and Sign up take the last two places. The layout pads <main> so the bar covers nothing.
 */
export function BottomTabBar() {
  const { status, user, primary, secondary, profileHref, current } = useNavLinks();
  const [menuOpen, setMenuOpen] = useState(false);
  const onMenuPage =
    (profileHref !== null && current(profileHref) !== undefined) ||
    secondary.some((link) => current(link.href) !== undefined);

  return (
    <nav
      aria-label="Tabs"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="mx-auto flex max-w-2xl">
        {primary.map((link) => (
          <li key={link.href} className="flex min-w-0 flex-1">
            <Link href={link.href} aria-current={current(link.href)} className={tabClassName}>
              {ICONS[link.href]}
              <span className="sr-only">{link.label}</span>
            </Link>
          </li>
        ))}
        {status === "authenticated" ? (
          <>
            <li className="flex min-w-0 flex-1">
              <NotificationBell className={tabClassName} />
            </li>
            <li className="flex min-w-0 flex-1">
              <button
                type="button"
                aria-haspopup="dialog"
                aria-expanded={menuOpen}
                aria-current={onMenuPage ? "page" : undefined}
                onClick={() => setMenuOpen(true)}
                className={tabClassName}
              >
                {user ? (
                  <Avatar
                    username={user.username}
                    displayName={user.displayName}
                    avatarUrl={user.avatarUrl}
                    size="sm"
                  />
                ) : null}
                <span className="sr-only">Menu</span>
              </button>
              <MenuSheet
                open={menuOpen}
                onClose={() => setMenuOpen(false)}
                user={user ?? null}
                profileHref={profileHref}
                links={secondary}
                current={current}
              />
            </li>
          </>
        ) : status === "unauthenticated" ? (
          <>
            <li className="flex min-w-0 flex-1">
              <Link
                href="/signin"
                aria-current={current("/signin")}
                className={`${tabClassName} text-sm font-medium`}
              >
                Sign in
              </Link>
            </li>
            <li className="flex min-w-0 flex-1 items-center justify-center px-1">
              <Link
                href="/signup"
                aria-current={current("/signup")}
                className="inline-flex min-h-10 items-center rounded-full bg-brand-600 px-3 text-sm font-semibold whitespace-nowrap text-white hover:bg-brand-700"
              >
                Sign up
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
