import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { moderationKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TModerationAction, TQueuedReport } from "@/lib/moderation/moderation.types";

// A moderator works through the oldest reports; one page is plenty at a time, the rest come
// forward as these are handled.
const PAGE_SIZE = 50;

/** The open reports, oldest first. */
export function useModerationQueue() {
  return useQuery({
    queryKey: moderationKeys.reports(),
    queryFn: ({ signal }) =>
      apiFetch<Page<TQueuedReport>>(`/api/moderation/reports?limit=${PAGE_SIZE}`, { signal }),
  });
}

/** What moderators did, newest first. */
export function useModerationLog() {
  return useQuery({
    queryKey: moderationKeys.log(),
    queryFn: ({ signal }) =>
      apiFetch<Page<TModerationAction>>(`/api/moderation/log?limit=${PAGE_SIZE}`, { signal }),
  });
}

export type ModerationRequest =
  | { kind: "remove"; targetType: "post" | "comment"; targetId: string; reportId: string }
  | { kind: "suspend"; userId: string }
  | { kind: "dismiss"; reportId: string };

function send(request: ModerationRequest, reason: string) {
  const post = (path: string, extra: object = {}) =>
    apiFetch(path, { method: "POST", body: { reason, ...extra } });
  if (request.kind === "remove") {
    return post(`/api/moderation/${request.targetType}s/${request.targetId}/remove`, {
      reportId: request.reportId,
    });
  }
  if (request.kind === "suspend") return post(`/api/moderation/users/${request.userId}/suspend`);
  return post(`/api/moderation/reports/${request.reportId}/dismiss`);
}

/**
 * Runs a moderation action with its reason (every action is logged with one). Afterwards both
 * lists change: the reports it closed and the entry it logged.
 */
export function useModerate() {
  const queryClient = useQueryClient();
  return async (request: ModerationRequest, reason: string) => {
    await send(request, reason);
    await queryClient.invalidateQueries({ queryKey: moderationKeys.all });
  };
}
