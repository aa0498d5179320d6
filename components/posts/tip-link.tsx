import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** "Tip" for a creator: opens the checkout for a tip to them. */
export function TipLink({
  username,
  variant = "compact",
}: {
  username: string;
  variant?: "compact" | "button";
}) {
  const href = `/checkout?tip=${encodeURIComponent(username)}`;
  if (variant === "button") {
    return (
      <Link href={href} className={buttonClassName({ variant: "secondary" })}>
        Tip
        <span className="sr-only"> @{username}</span>
      </Link>
    );
  }
  return (
    <Link
      href={href}
      title={`Tip @${username}`}
      className="inline-flex min-h-10 items-center justify-center gap-1 rounded-full px-2.5 text-sm font-medium text-stone-600 transition-colors hover:bg-stone-100 hover:text-emerald-700"
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
        className="size-5"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v10M9.5 9.5h3.75a1.75 1.75 0 0 1 0 3.5h-2.5a1.75 1.75 0 0 0 0 3.5h3.75" />
      </svg>
      <span>Tip</span>
      <span className="sr-only"> @{username}</span>
    </Link>
  );
}
