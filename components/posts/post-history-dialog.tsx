"use client";

import { usePostHistory } from "@/client/hooks/use-post-history";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { TPostHistory } from "@/lib/posts/posts.types";

// Absolute dates: in a history, "when exactly" is the point. Fixed locale, browser time zone
// (the dialog only renders in the browser).
const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

type Version = TPostHistory["current"];

function VersionItem({ version, label }: { version: Version; label: string }) {
  return (
    <li className="rounded-xl border border-stone-200 p-3">
      <h3 className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-semibold text-stone-900">{label}</span>
        <time dateTime={version.writtenAt} className="text-stone-600">
          {when.format(new Date(version.writtenAt))}
        </time>
      </h3>
      {version.contentWarning ? (
        <p className="mt-2 text-sm text-amber-950">
          <span className="font-semibold">Content warning:</span> {version.contentWarning}
        </p>
      ) : null}
      {/* Plain text: old versions are for reading what was said, not for following links. */}
      <p className="mt-2 text-stone-800 whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
        {version.text}
      </p>
    </li>
  );
}

function HistoryBody({ postId }: { postId: string }) {
  const { data, status, refetch, isRefetching } = usePostHistory(postId);
  if (status === "pending") {
    return (
      <div role="status" className="space-y-3">
        <span className="sr-only">Loading edit history…</span>
        <Skeleton className="h-20 w-full rounded-xl" />
        <Skeleton className="h-20 w-full rounded-xl" />
      </div>
    );
  }
  if (status === "error") {
    return (
      <ErrorState
        headingLevel="h3"
        title="Couldn't load the history"
        onRetry={() => void refetch()}
        retrying={isRefetching}
      />
    );
  }
  const total = data.earlier.length + 1;
  return (
    <ol className="space-y-3">
      <VersionItem version={data.current} label="Current version" />
      {data.earlier.map((version, i) => (
        <VersionItem
          key={version.writtenAt}
          version={version}
          label={i === data.earlier.length - 1 ? "Original" : `Version ${total - 1 - i}`}
        />
      ))}
    </ol>
  );
}

/** Every version of an edited post, newest first, in a modal dialog. */
export function PostHistoryDialog({
  postId,
  open,
  onClose,
}: {
  postId: string;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit history"
      description="This post was edited. Earlier versions are listed newest first."
    >
      <HistoryBody postId={postId} />
      <div className="mt-4 flex justify-end">
        <form method="dialog">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-4 text-sm font-semibold hover:bg-stone-100"
          >
            Close
          </button>
        </form>
      </div>
    </Dialog>
  );
}
