"use client";

import Link from "next/link";
import { usePurchases } from "@/client/hooks/use-payments";
import { RelativeTime } from "@/components/posts/post-card";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Spinner } from "@/components/ui/spinner";
import { formatMoney } from "@/lib/payments/format-money";

const STATUS: Record<string, string> = {
  captured: "Paid",
  approved: "Pending at PayPal",
  denied: "Declined",
  refunded: "Refunded",
};

/** The viewer's tips and posts bought, newest first. */
export function PurchasesScreen() {
  const purchases = usePurchases();
  const items = purchases.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Purchases</h1>
        <p className="text-stone-600">Tips you sent and posts you bought. Only you can see this.</p>
      </div>
      {purchases.isError ? (
        <ErrorState onRetry={() => void purchases.refetch()} />
      ) : purchases.isPending ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState
          title="No purchases yet"
          description="Tip a creator or unlock a paid post, and it shows up here."
          action={
            <Link href="/explore" className={buttonClassName()}>
              Explore posts
            </Link>
          }
        />
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white px-5 shadow-sm">
          {items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <p className="font-semibold">
                  {p.kind === "tip" ? "Tip to " : "Post by "}
                  {p.creator ? (
                    <Link href={`/u/${p.creator.username}`} className="hover:underline">
                      @{p.creator.username}
                    </Link>
                  ) : (
                    "a creator"
                  )}
                </p>
                <p className="text-sm text-stone-600">
                  <RelativeTime iso={p.createdAt} /> · {STATUS[p.status] ?? p.status}
                  {p.postId ? (
                    <>
                      {" · "}
                      <Link href={`/p/${p.postId}`} className="underline">
                        Read the post
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              <span className="font-semibold tabular-nums">
                {formatMoney(p.amount, p.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {purchases.hasNextPage ? (
        <button
          type="button"
          onClick={() => void purchases.fetchNextPage()}
          className={buttonClassName({ variant: "secondary" })}
        >
          Older purchases
        </button>
      ) : null}
    </div>
  );
}
