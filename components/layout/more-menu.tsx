"use client";

import Link from "next/link";
import { useMenu } from "@/client/hooks/use-menu";
import type { NavLink } from "@/client/hooks/use-nav-links";
import { useSignOut } from "@/client/hooks/use-sign-out";
import { MoreIcon } from "@/components/ui/icons";

const itemClassName =
  "flex w-full items-center whitespace-nowrap rounded-lg px-3 py-2 text-left text-sm text-stone-800 hover:bg-stone-100 focus-visible:bg-stone-100 aria-[current=page]:font-semibold";

/** The desktop header's "More" menu: the secondary links and Sign out, so the header stays one row. */
export function MoreMenu({
  links,
  current,
}: {
  links: NavLink[];
  current: (href: string) => "page" | undefined;
}) {
  const menu = useMenu();
  const signOut = useSignOut();

  return (
    <div className="relative shrink-0">
      <button
        {...menu.triggerProps}
        className="inline-flex h-9 items-center gap-1 whitespace-nowrap rounded-full px-3 text-stone-700 hover:bg-stone-100 hover:text-stone-900 aria-expanded:bg-stone-100"
      >
        <MoreIcon className="size-5" />
        More
      </button>
      {menu.open ? (
        <div
          {...menu.menuProps}
          aria-label="More"
          className="absolute top-full right-0 z-30 mt-1 w-48 rounded-xl border border-stone-200 bg-white p-1 shadow-lg"
        >
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              role="menuitem"
              tabIndex={-1}
              aria-current={current(link.href)}
              onClick={() => menu.close()}
              className={itemClassName}
            >
              {link.label}
            </Link>
          ))}
          <hr className="my-1 border-stone-200" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              menu.close();
              void signOut();
            }}
            className={itemClassName}
          >
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
