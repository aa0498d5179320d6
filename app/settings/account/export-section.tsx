"use client";

import { formErrorMessage } from "@/client/field-errors";
import { useDataExport, useRequestDataExport } from "@/client/hooks/use-account";
import { buttonClassName } from "@/components/ui/button";
import type { TDataExport } from "@/lib/account/account.types";

function describe(item: TDataExport): string {
  const started = new Date(item.createdAt).toLocaleString();
  if (item.status === "pending") return `Preparing your archive (asked for ${started})…`;
  if (item.status === "failed") return item.error ?? "The archive could not be built.";
  const size = item.size ? ` (${Math.max(1, Math.round(item.size / 1024))} KB)` : "";
  return `Your archive from ${started} is ready${size}.`;
}

export function ExportSection() {
  const latest = useDataExport();
  const start = useRequestDataExport();
  const current = latest.data?.export ?? null;

  return (
    <div className="space-y-3">
      <p className="text-stone-600">
        A zip of your profile, posts, comments, likes, follows, payments and uploaded media. We will
        notify you when it is ready.
      </p>
      <p role="status" className="text-sm text-stone-800">
        {start.isError
          ? formErrorMessage(start.error)
          : latest.isError
            ? formErrorMessage(latest.error)
            : current
              ? describe(current)
              : ""}
      </p>
      <div className="flex flex-wrap gap-3">
        {current?.downloadUrl ? (
          <a href={current.downloadUrl} className={buttonClassName()} download>
            Download archive
          </a>
        ) : null}
        <button
          type="button"
          className={buttonClassName({ variant: current?.downloadUrl ? "secondary" : "primary" })}
          disabled={start.isPending || current?.status === "pending"}
          onClick={() => start.mutate()}
        >
          {current ? "Request a new archive" : "Request my data"}
        </button>
      </div>
    </div>
  );
}
