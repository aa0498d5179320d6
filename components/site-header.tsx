"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { Avatar } from "./avatar";
import { buttonClassName } from "./button";
import { useCurrentUser } from "./hooks/use-current-user";

const linkClassName =
  "rounded px-1 py-1 text-stone-700 hover:text-stone-900 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-stone-900";

export function SiteHeader() {
  const { status } = useSession();
  const { user } = useCurrentUser();
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const current = (href: string) => (pathname === href ? "page" : undefined);

  return (
    <header className="border-b border-stone-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3 text-sm sm:gap-4"
      >
        <Link href="/" className="rounded text-lg font-bold text-brand-700">
          Grover
        </Link>
        <Link href="/search" aria-current={current("/search")} className={linkClassName}>
          Search
        </Link>
        <span className="flex-1" />
        {status === "authenticated" ? (
          <>
            {user ? (
              <Link
                href={`/u/${user.username}`}
                aria-current={current(`/u/${user.username}`)}
                className="rounded-full"
              >
                <Avatar username={user.username} displayName={user.displayName} size="sm" />
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
      </nav>
    </header>
  );
}
