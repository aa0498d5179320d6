"use client";

import Link from "next/link";
import type { NavLink } from "@/client/hooks/use-nav-links";
import { useSignOut } from "@/client/hooks/use-sign-out";
import { Dialog } from "@/components/ui/dialog";
import { Avatar } from "@/components/users/avatar";
import type { TCurrentUser } from "@/lib/users/users.types";

const itemClassName =
  "flex min-h-12 w-full items-center rounded-xl px-3 text-left text-base text-stone-800 hover:bg-stone-100 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700";

export type MenuSheetProps = {
  open: boolean;
  onClose: () => void;
  user: TCurrentUser | null;
  profileHref: string | null;
  links: NavLink[];
  current: (href: string) => "page" | undefined;
};

/**
 * The phone's menu, opened from the tab bar's last tab: the profile, then everything the tab bar
 * has no room for, then Sign out. A modal dialog rising from the bottom (the Dialog component
 * traps focus, closes on Escape and hands focus back to the tab).
 */
export function MenuSheet({ open, onClose, user, profileHref, links, current }: MenuSheetProps) {
  const signOut = useSignOut();
  return (
    <Dialog open={open} onClose={onClose} title="Menu" placement="sheet">
      <ul className="space-y-1">
        {user && profileHref ? (
          <li>
            <Link
              href={profileHref}
              aria-current={current(profileHref)}
              onClick={onClose}
              className={`${itemClassName} gap-3 py-2`}
            >
              <Avatar
                username={user.username}
                displayName={user.displayName}
                avatarUrl={user.avatarUrl}
                size="sm"
              />
              <span className="min-w-0">
                <span className="block truncate font-semibold">Your profile</span>
                <span className="block truncate text-sm text-stone-600">@{user.username}</span>
              </span>
            </Link>
          </li>
        ) : null}
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current(link.href)}
              onClick={onClose}
              className={itemClassName}
            >
              {link.label}
            </Link>
          </li>
        ))}
        <li className="border-t border-stone-200 pt-1">
          <button
            type="button"
            onClick={() => {
              onClose();
              void signOut();
            }}
            className={itemClassName}
          >
            Sign out
          </button>
        </li>
      </ul>
    </Dialog>
  );
}
