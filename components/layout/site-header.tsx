"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { useCurrentUser } from "@/client/hooks/use-current-user";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { buttonClassName } from "@/components/ui/button";
import { Avatar } from "@/components/users/avatar";

const linkClassName =
  "rounded px-1 py-1 text-stone-700 hover:text-stone-900 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-stone-900";

export function SiteHeader() {
  const { status } = useSession();
  const { user } = useCurrentUser();
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const current = (href: string) => (pathname === href ? "page" : undefined);

  const links = [
    { href: "/", label: "Home" },
    { href: "/explore", label: "Explore" },
    { href: "/search", label: "Search" },
    ...(status === "authenticated" ? [{ href: "/saved", label: "Saved" }] : []),
    ...(status === "authenticated"
      ? [
          { href: "/earnings", label: "Earnings" },
          { href: "/purchases", label: "Purchases" },
        ]
      : []),
    // The role only decides whether to show the link; the page and the API check it themselves.
    ...(user && user.role !== "user" ? [{ href: "/moderation", label: "Moderation" }] : []),
  ];

  return (
    <header className="border-b border-stone-200 bg-white">
      {/* One row from 640px up. Below, the page links take a second row under the brand and
          account controls (order-last) that scrolls sideways when they don't all fit. */}
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-3 px-4 text-sm sm:flex-nowrap sm:gap-x-4"
      >
        <Link href="/" className="rounded py-3 text-lg font-bold text-brand-700">
          Grover
        </Link>
        <ul className="order-last -mx-1 flex w-full gap-1 overflow-x-auto whitespace-nowrap pb-2 sm:order-none sm:mx-0 sm:w-auto sm:gap-3 sm:overflow-visible sm:pb-0">
          {links.map((link) => (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={current(link.href)}
                className={`${linkClassName} inline-block px-2 sm:px-1`}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <span className="flex-1" />
        <div className="flex items-center gap-3 py-2.5 sm:gap-4">
          {status === "authenticated" ? (
            <>
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
              <Link
                href="/settings/profile"
                aria-current={current("/settings/profile")}
                className={linkClassName}
              >
                Settings
              </Link>
              <button
                type="button"
                onClick={async () => {
                  // Without a redirect from next-auth, which builds it from NEXTAUTH_URL and can
                  // send people to the wrong host when that is unset or stale.
                  await signOut({ redirect: false });
                  // Everything cached was seen as the signed-in user.
                  queryClient.clear();
                  router.push("/");
                  router.refresh();
                }}
                className={linkClassName}
              >
                Sign out
              </button>
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
          <NotificationBell />
        </div>
      </nav>
    </header>
  );
}
