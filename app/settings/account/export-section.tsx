"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { formErrorMessage } from "@/client/field-errors";
import { buttonClassName } from "@/components/ui/button";
import type { TDataExport } from "@/lib/account/account.types";
import { accountKeys } from "./account-keys";

const POLL_MS = 2_000;

function describe(item: TDataExport): string {
  const started = new Date(item.createdAt).toLocaleString();
  if (item.status === "pending") return `Preparing your archive (asked for ${started})…`;
  if (item.status === "failed") return item.error ?? "The archive could not be built.";
  const size = item.size ? ` (${Math.max(1, Math.round(item.size / 1024))} KB)` : "";
  return `Your archive from ${started} is ready${size}.`;
}

export function ExportSection() {
  const queryClient = useQueryClient();
  const latest = useQuery({
    queryKey: accountKeys.export(),
    queryFn: () => apiFetch<{ export: TDataExport | null }>("/api/users/me/export"),
    // Watch a pending export until it is built.
    refetchInterval: (query) => (query.state.data?.export?.status === "pending" ? POLL_MS : false),
  });
  const start = useMutation({
    mutationFn: () => apiFetch<TDataExport>("/api/users/me/export", { method: "POST" }),
    onSuccess: (created) => queryClient.setQueryData(accountKeys.export(), { export: created }),
  });
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
