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
 * The header's link to /notifications, with the unread count as a badge. The count is polled
 * (use-unread-count.ts), so it changes without a reload; the link's accessible name carries it,
 * and the badge itself is hidden from screen readers. Renders nothing when signed out.
 */
export function NotificationBell() {
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
      className="relative inline-flex size-9 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-stone-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
    >
      <BellIcon />
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full border-2 border-white bg-red-700 px-1 text-center text-[11px] font-bold leading-4 text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
