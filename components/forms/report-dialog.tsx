"use client";

import { useId, useState } from "react";
import { ApiClientError } from "@/client/api-fetch";
import { useReport } from "@/client/hooks/use-report";
import { buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { REPORT_REASONS, type TCreateReportBody } from "@/lib/moderation/moderation.types";
import { inputClassName } from "./form-field";

type ReportTarget = Pick<TCreateReportBody, "targetType" | "targetId">;
type Reason = TCreateReportBody["reason"];

const REASON_LABELS: Record<Reason, string> = {
  spam: "Spam",
  harassment: "Harassment or bullying",
  hate: "Hate",
  violence: "Violence or threats",
  nudity: "Nudity or sexual content",
  self_harm: "Self-harm",
  impersonation: "Impersonation",
  other: "Something else",
};

function ReportForm({ target, onDone }: { target: ReportTarget; onDone: () => void }) {
  const reasonId = useId();
  const detailsId = useId();
  const [reason, setReason] = useState<Reason>("spam");
  const [details, setDetails] = useState("");
  const send = useReport();
  // Reporting twice is no failure from the reporter's point of view: it is already with us.
  const alreadyReported =
    send.error instanceof ApiClientError && send.error.code === "already_reported";

  if (send.isSuccess || alreadyReported) {
    return (
      <div className="space-y-4">
        <p role="status">
          {alreadyReported
            ? "You have already reported this. The moderators will look at it."
            : "Thanks. The moderators will look at it."}
        </p>
        <button type="button" data-autofocus onClick={onDone} className={buttonClassName()}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate({ ...target, reason, details });
      }}
    >
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium">
          Reason
        </label>
        <select
          id={reasonId}
          data-autofocus
          value={reason}
          // The options are REPORT_REASONS.
          onChange={(event) => setReason(event.target.value as Reason)}
          className={`${inputClassName} mt-1`}
        >
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {REASON_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={detailsId} className="block text-sm font-medium">
          Details <span className="font-normal text-stone-600">(optional)</span>
        </label>
        <textarea
          id={detailsId}
          value={details}
          maxLength={1000}
          rows={3}
          onChange={(event) => setDetails(event.target.value)}
          className={`${inputClassName} mt-1`}
        />
      </div>
      {send.error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {send.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className={buttonClassName({ variant: "secondary" })}
        >
          Cancel
        </button>
        <button type="submit" aria-disabled={send.isPending} className={buttonClassName()}>
          {send.isPending ? "Sending…" : "Send report"}
        </button>
      </div>
    </form>
  );
}

/** The dialog that reports a post, comment or profile; the post menu opens it from its "Report". */
export function ReportDialog({
  open,
  onClose,
  ...target
}: ReportTarget & { open: boolean; onClose: () => void }) {
  const noun = target.targetType === "user" ? "account" : target.targetType;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Report this ${noun}`}
      description="Moderators see your report, not the person you report."
      size="sm"
    >
      <ReportForm target={target} onDone={onClose} />
    </Dialog>
  );
}

/** A "Report" button for a post, comment or profile, with the dialog it opens. */
export function ReportButton({ className, ...target }: ReportTarget & { className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={className ?? buttonClassName({ variant: "ghost", size: "sm" })}
      >
        Report
      </button>
      <ReportDialog open={open} onClose={() => setOpen(false)} {...target} />
    </>
  );
}
