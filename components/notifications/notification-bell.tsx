"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "next-auth/react";
import { useUnreadCount } from "@/client/hooks/use-unread-count";
import { MAX_UNREAD_COUNT } from "@/lib/notifications/notifications.types";

function BellIcon({ className = "size-5" }: { className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`shrink-0 ${className}`}
    >
      <path d="M6 9.5a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4s2-1.5 2-6.5z" />
      <path d="M10 19.5a2.2 2.2 0 0 0 4 0" />
    </svg>
  );
}

/**
 * The link to /notifications, with the unread count as a badge: in the desktop header and as a
 * tab of the phone's tab bar (`className` sizes it for each). The count comes live from the
 * stream, or is polled while that is down (use-unread-count.ts), so it changes without a reload;
 * the link's accessible name carries it, and the badge itself is hidden from screen readers.
 * The badge sits beside the bell, never on it, so a three-digit count can't cover the icon.
 * Renders nothing when signed out.
 */
export function NotificationBell({
  className = "h-9 rounded-full px-2 hover:bg-stone-100",
}: {
  className?: string;
}) {
  const { status } = useSession();
  const pathname = usePathname();
  const { data } = useUnreadCount(status === "authenticated");
  if (status !== "authenticated") return null;

  const count = data?.count ?? 0;
  const capped = count >= MAX_UNREAD_COUNT;
  const label =
    count === 0 ? "Notifications" : `Notifications, ${capped ? `${count}+` : count} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      aria-current={pathname === "/notifications" ? "page" : undefined}
      className={`inline-flex shrink-0 items-center justify-center gap-1 text-stone-700 hover:text-stone-900 aria-[current=page]:text-brand-700 ${className}`}
    >
      <BellIcon className="size-6" />
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-unread-badge=""
          className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-bold leading-5 text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
