"use client";

import Link from "next/link";
import { useState } from "react";
import {
  useModerate,
  useModerationLog,
  useModerationQueue,
  type ModerationRequest,
} from "@/client/hooks/use-moderation";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Spinner } from "@/components/ui/spinner";
import type { TQueuedReport } from "@/lib/moderation/moderation.types";
import { ReasonDialog, type PendingAction } from "./reason-dialog";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string) => dateFormat.format(new Date(iso));

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

// An action the moderator picked, waiting for its reason.
type ProposedAction = Omit<PendingAction, "run"> & { request: ModerationRequest };

function ReportItem({
  report,
  onAction,
}: {
  report: TQueuedReport;
  onAction: (action: ProposedAction) => void;
}) {
  const href = targetLink(report);
  const targetUser = report.targetUser;
  const removable = report.targetType === "user" ? null : report.targetType;
  return (
    <li className="min-w-0 rounded-xl border border-stone-200 p-4 [overflow-wrap:anywhere]">
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
        {removable !== null && report.preview !== null ? (
          <button
            type="button"
            className={buttonClassName({ variant: "secondary", size: "sm" })}
            onClick={() =>
              onAction({
                title: `Remove this ${report.targetType}?`,
                confirm: `Remove ${report.targetType}`,
                request: {
                  kind: "remove",
                  targetType: removable,
                  targetId: report.targetId,
                  reportId: report.id,
                },
              })
            }
          >
            Remove
          </button>
        ) : null}
        {targetUser ? (
          <button
            type="button"
            className={buttonClassName({ variant: "secondary", size: "sm" })}
            onClick={() =>
              onAction({
                title: `Suspend @${targetUser.username}?`,
                confirm: "Suspend",
                request: { kind: "suspend", userId: targetUser.id },
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
              request: { kind: "dismiss", reportId: report.id },
            })
          }
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

function Queue({ onAction }: { onAction: (action: ProposedAction) => void }) {
  const queue = useModerationQueue();
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
  const log = useModerationLog();
  if (log.isPending) return <Loading what="the log" />;
  if (log.isError) return <ErrorState message={log.error.message} onRetry={() => log.refetch()} />;
  if (log.data.items.length === 0) return <p className="text-stone-600">No actions yet.</p>;
  return (
    <ol className="divide-y divide-stone-200 text-sm">
      {log.data.items.map((entry) => (
        <li key={entry.id} className="py-2 [overflow-wrap:anywhere]">
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
  const moderate = useModerate();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const propose = ({ request, ...action }: ProposedAction) =>
    setPending({ ...action, run: (reason) => moderate(request, reason) });
  return (
    <div className="space-y-8">
      <section aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="mb-4 text-2xl font-bold">
          Open reports
        </h1>
        <Queue onAction={propose} />
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
