/** Grey placeholder blocks in the shape of what is loading. */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded bg-stone-200 motion-reduce:animate-none ${className}`}
    />
  );
}

/** Rows shaped like UserListItem, with one announcement for screen readers. */
export function UserListSkeleton({
  rows = 4,
  label = "Loading people…",
}: {
  rows?: number;
  label?: string;
}) {
  return (
    <div role="status" className="divide-y divide-stone-200">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3 py-4">
          <Skeleton className="size-11 shrink-0 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-2/5" />
            <Skeleton className="h-3 w-1/4" />
          </div>
          <Skeleton className="h-9 w-20 rounded-full" />
        </div>
      ))}
    </div>
  );
}

/** The profile header's shape, while a profile loads. */
export function ProfileHeaderSkeleton() {
  return (
    <div role="status" className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
      <span className="sr-only">Loading profile…</span>
      <Skeleton className="h-28 rounded-none sm:h-40" />
      <div className="space-y-3 px-4 pb-5 sm:px-6">
        <Skeleton className="-mt-12 size-24 rounded-full border-4 border-white sm:size-28" />
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-4 w-4/5" />
      </div>
    </div>
  );
}
