"use client";

import Link from "next/link";
import { useNavLinks } from "@/client/hooks/use-nav-links";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { buttonClassName } from "@/components/ui/button";
import { Avatar } from "@/components/users/avatar";
import { MoreMenu } from "./more-menu";

const linkClassName =
  "whitespace-nowrap rounded px-1 py-1 text-stone-700 hover:text-stone-900 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-stone-900";

/**
 * The header: on phones only the brand (the tab bar at the bottom carries the navigation); from
 * the md breakpoint one row that never wraps: the main places, then the bell, the profile and a
 * "More" menu holding the rest (nav links from use-nav-links.ts).
 */
export function SiteHeader() {
  const { status, user, primary, secondary, current } = useNavLinks();

  return (
    <header className="border-b border-stone-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-4xl flex-nowrap items-center gap-x-4 px-4 text-sm"
      >
        <Link href="/" className="shrink-0 rounded py-3 text-lg font-bold text-brand-700">
          Grover
        </Link>
        <ul className="hidden shrink-0 gap-3 md:flex">
          {primary.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={current(link.href)} className={linkClassName}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <span className="flex-1" />
        <div className="hidden shrink-0 items-center gap-3 py-2.5 md:flex">
          {status === "authenticated" ? (
            <>
              <NotificationBell />
              {user ? (
                <Link
                  href={`/u/${user.username}`}
                  aria-current={current(`/u/${user.username}`)}
                  className="shrink-0 rounded-full"
                >
                  <Avatar
                    username={user.username}
                    displayName={user.displayName}
                    avatarUrl={user.avatarUrl}
                    size="sm"
                  />
                  <span className="sr-only">Your profile</span>
                </Link>
              ) : null}
              <MoreMenu links={secondary} current={current} />
            </>
          ) : status === "unauthenticated" ? (
            <>
              <Link href="/signin" aria-current={current("/signin")} className={linkClassName}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClassName({ size: "sm" })}>
                Sign up
              </Link>
            </>
          ) : null}
        </div>
      </nav>
    </header>
  );
}
