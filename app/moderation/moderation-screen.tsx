"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/client/api-fetch";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Spinner } from "@/components/ui/spinner";
import type { Page } from "@/lib/api/pagination";
import type { TModerationAction, TQueuedReport } from "@/lib/moderation/moderation.types";
import { ReasonDialog, type PendingAction } from "./reason-dialog";

// A moderator works through the oldest reports; one page is plenty at a time, the rest come
// forward as these are handled.
const PAGE_SIZE = 50;
const queueKey = ["moderation", "reports"] as const;
const logKey = ["moderation", "log"] as const;

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string) => dateFormat.format(new Date(iso));

const post = (path: string, reason: string, extra: object = {}) =>
  apiFetch(path, { method: "POST", body: { reason, ...extra } });

function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="flex items-center gap-2 text-stone-600">
      <Spinner /> Loading {what}…
    </p>
  );
}

function targetLink(report: TQueuedReport) {
  if (report.targetType === "post") return `/p/${report.targetId}`;
  if (report.targetType === "user" && report.targetUser) return `/u/${report.targetUser.username}`;
  return null;
}

function ReportItem({
  report,
  onAction,
}: {
  report: TQueuedReport;
  onAction: (action: PendingAction) => void;
}) {
  const href = targetLink(report);
  const removable = report.targetType !== "user";
  return (
    <li className="rounded-xl border border-stone-200 p-4">
      <p className="text-sm text-stone-600">
        <span className="font-semibold text-stone-900">{report.reason.replace("_", " ")}</span> ·{" "}
        {report.targetType} by {report.targetUser ? `@${report.targetUser.username}` : "unknown"} ·
        reported by @{report.reporter.username} · {when(report.createdAt)}
        {report.openReportsOnTarget > 1 ? ` · ${report.openReportsOnTarget} open reports` : ""}
      </p>
      <blockquote className="mt-2 whitespace-pre-wrap break-words border-l-4 border-stone-200 pl-3">
        {report.preview ?? <em className="text-stone-500">Already gone</em>}
      </blockquote>
      {report.details ? <p className="mt-2 text-sm">“{report.details}”</p> : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {href ? (
          <Link href={href} className={buttonClassName({ variant: "ghost", size: "sm" })}>
            View
          </Link>
        ) : null}
        {removable && report.preview !== null ? (
          <button
            type="button"
            className={buttonClassName({ variant: "secondary", size: "sm" })}
            onClick={() =>
              onAction({
                title: `Remove this ${report.targetType}?`,
                confirm: `Remove ${report.targetType}`,
                run: (reason) =>
                  post(`/api/moderation/${report.targetType}s/${report.targetId}/remove`, reason, {
                    reportId: report.id,
                  }),
              })
            }
          >
            Remove
          </button>
        ) : null}
        {report.targetUser ? (
          <button
            type="button"
            className={buttonClassName({ variant: "secondary", size: "sm" })}
            onClick={() =>
              onAction({
                title: `Suspend @${report.targetUser?.username}?`,
                confirm: "Suspend",
                run: (reason) =>
                  post(`/api/moderation/users/${report.targetUser?.id}/suspend`, reason),
              })
            }
          >
            {report.targetType === "user" ? "Suspend" : "Suspend author"}
          </button>
        ) : null}
        <button
          type="button"
          className={buttonClassName({ variant: "ghost", size: "sm" })}
          onClick={() =>
            onAction({
              title: "Dismiss this report?",
              confirm: "Dismiss",
              run: (reason) => post(`/api/moderation/reports/${report.id}/dismiss`, reason),
            })
          }
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

function Queue({ onAction }: { onAction: (action: PendingAction) => void }) {
  const queue = useQuery({
    queryKey: queueKey,
    queryFn: ({ signal }) =>
      apiFetch<Page<TQueuedReport>>(`/api/moderation/reports?limit=${PAGE_SIZE}`, { signal }),
  });
  if (queue.isPending) return <Loading what="reports" />;
  if (queue.isError)
    return <ErrorState message={queue.error.message} onRetry={() => queue.refetch()} />;
  if (queue.data.items.length === 0) {
    return (
      <EmptyState
        headingLevel="h2"
        title="No open reports"
        description="Nothing is waiting for a moderator."
      />
    );
  }
  return (
    <ul className="space-y-3">
      {queue.data.items.map((report) => (
        <ReportItem key={report.id} report={report} onAction={onAction} />
      ))}
    </ul>
  );
}

function Log() {
  const log = useQuery({
    queryKey: logKey,
    queryFn: ({ signal }) =>
      apiFetch<Page<TModerationAction>>(`/api/moderation/log?limit=${PAGE_SIZE}`, { signal }),
  });
  if (log.isPending) return <Loading what="the log" />;
  if (log.isError) return <ErrorState message={log.error.message} onRetry={() => log.refetch()} />;
  if (log.data.items.length === 0) return <p className="text-stone-600">No actions yet.</p>;
  return (
    <ol className="divide-y divide-stone-200 text-sm">
      {log.data.items.map((entry) => (
        <li key={entry.id} className="py-2">
          <span className="font-semibold">@{entry.moderator.username}</span>{" "}
          {entry.kind.replace(/_/g, " ")} ({entry.targetType} {entry.targetId}) ·{" "}
          {when(entry.createdAt)}
          <p className="text-stone-700">{entry.reason}</p>
        </li>
      ))}
    </ol>
  );
}

export function ModerationScreen() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingAction | null>(null);
  // After an action both lists change: the reports it closed and the entry it logged.
  const withRefresh = (action: PendingAction): PendingAction => ({
    ...action,
    run: async (reason) => {
      await action.run(reason);
      await queryClient.invalidateQueries({ queryKey: ["moderation"] });
    },
  });
  return (
    <div className="space-y-8">
      <section aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="mb-4 text-2xl font-bold">
          Open reports
        </h1>
        <Queue onAction={(action) => setPending(withRefresh(action))} />
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading" className="mb-2 text-xl font-bold">
          Moderation log
        </h2>
        <Log />
      </section>
      <ReasonDialog action={pending} onClose={() => setPending(null)} />
    </div>
  );
}
