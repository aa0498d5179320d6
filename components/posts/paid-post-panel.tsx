"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { formatMoney } from "@/lib/payments/format-money";
import type { TPost } from "@/lib/posts/posts.types";

function LockIcon({ className = "" }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
      className={className}
    >
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/**
 * Under a paid post: for anyone who hasn't bought it, what's behind the lock and the way to
 * unlock it; for its author and buyers, a quiet note that it is paid.
 */
export function PaidPostPanel({ post }: { post: TPost }) {
  const pathname = usePathname();
  const paid = post.paid;
  if (!paid) return null;
  const price = formatMoney(paid.price, paid.currency);

  if (paid.unlocked) {
    return (
      <p className="mt-2 inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-800">
        <LockIcon className="size-3.5" />
        {post.viewer?.isAuthor ? `Paid post · ${price}` : "Unlocked · you bought this post"}
      </p>
    );
  }

  const checkout = `/checkout?post=${encodeURIComponent(post.id)}`;
  const href = post.viewer
    ? checkout
    : `/signin?callbackUrl=${encodeURIComponent(checkout || pathname)}`;
  const extra =
    paid.mediaCount > 0
      ? ` and ${paid.mediaCount} ${paid.mediaCount === 1 ? "attachment" : "attachments"}`
      : "";
  return (
    <div
      role="group"
      aria-label="Locked paid post"
      className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-100 bg-brand-50 px-4 py-3"
    >
      <p className="flex min-w-0 items-center gap-2 text-sm text-stone-800">
        <LockIcon className="size-5 shrink-0 text-brand-700" />
        <span>
          <span className="font-semibold">Paid post.</span> Unlock the full text{extra} for{" "}
          <span className="font-semibold">{price}</span>.
        </span>
      </p>
      <Link href={href} className={buttonClassName({ size: "sm" })}>
        Unlock for {price}
      </Link>
    </div>
  );
}
