"use client";

import Link from "next/link";
import { useTrendingTags } from "@/client/hooks/use-discovery";
import { hashtagSearchHref } from "@/components/posts/rich-text";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";

const usesFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** Trending tags (GET /api/tags/trending): what people are tagging now, each opening its posts. */
export function TrendingTags() {
  const trending = useTrendingTags();

  return (
    <section
      aria-labelledby="trending-heading"
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="trending-heading" className="text-lg font-semibold">
        Trending now
      </h2>
      {trending.status === "pending" ? (
        <div role="status" className="mt-3 flex flex-wrap gap-2">
          <span className="sr-only">Loading trending tags…</span>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-9 w-24 rounded-full" />
          ))}
        </div>
      ) : trending.status === "error" ? (
        <div className="mt-3">
          <ErrorState
            headingLevel="h3"
            message="We couldn't load what's trending."
            onRetry={() => void trending.refetch()}
            retrying={trending.isRefetching}
          />
        </div>
      ) : trending.data.items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">
          No tags in the last day yet. Add a #tag to a post to start one.
        </p>
      ) : (
        <ol aria-label="Trending tags" className="mt-3 flex flex-wrap gap-2">
          {trending.data.items.map((t) => (
            <li key={t.tag} className="min-w-0 max-w-full">
              <Link
                href={hashtagSearchHref(t.tag)}
                className="inline-flex min-h-9 max-w-full items-center gap-2 rounded-full border border-stone-200 bg-stone-50 px-3 py-1.5 text-sm hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="truncate font-semibold text-stone-900">#{t.tag}</span>
                <span className="shrink-0 text-xs text-stone-600">
                  {usesFormat.format(t.uses)} {t.uses === 1 ? "post" : "posts"}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
