import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import type { TCreateReportBody, TReport } from "@/lib/moderation/moderation.types";

/** Reports a post, comment or user to the moderators. */
export function useReport() {
  return useMutation({
    mutationFn: (body: TCreateReportBody) =>
      apiFetch<TReport>("/api/reports", { method: "POST", body }),
  });
}
