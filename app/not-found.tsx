import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { CompassIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every URL no route matches (and any notFound() without a nearer not-found.tsx): Grover's own
 * page, inside the header and navigation, with a way home, answered with status 404.
 */
export default function NotFound() {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-stone-200 bg-white px-6 py-12 text-center">
      <div
        aria-hidden="true"
        className="mb-4 flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-700"
      >
        <CompassIcon className="size-7" />
      </div>
      <h1 className="text-xl font-bold text-stone-900">This page isn&rsquo;t here</h1>
      <p className="mt-2 max-w-sm text-stone-600">
        The link may be broken, or the page may have moved. Nothing you did went wrong.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link href="/" className={buttonClassName()}>
          Go home
        </Link>
        <Link href="/search" className={buttonClassName({ variant: "secondary" })}>
          Search Grover
        </Link>
      </div>
    </div>
  );
}
