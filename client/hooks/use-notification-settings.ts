import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type {
  TNotificationSettings,
  TUpdateNotificationSettingsBody,
} from "@/lib/notifications/notifications.types";

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) =>
      apiFetch<TNotificationSettings>("/api/notifications/settings", { signal }),
    retry: retryUnlessClientError,
  });
}

/** What the settings are once `change` is saved: muted kinds replaced, email kinds merged. */
function applyChange(
  settings: TNotificationSettings | undefined,
  change: TUpdateNotificationSettingsBody,
): TNotificationSettings | undefined {
  if (!settings) return settings;
  return {
    mutedKinds: change.mutedKinds ?? settings.mutedKinds,
    emailKinds: { ...settings.emailKinds, ...change.emailKinds },
  };
}

/**
 * Saves a change (the muted kinds, or some email kinds), optimistically; the checkboxes go back
 * if saving fails.
 */
export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: TUpdateNotificationSettingsBody) =>
      apiFetch<TNotificationSettings>("/api/notifications/settings", {
        method: "PUT",
        body: change,
      }),
    onMutate: async (change) => {
      await client.cancelQueries({ queryKey: notificationKeys.settings() });
      const previous = client.getQueryData<TNotificationSettings>(notificationKeys.settings());
      client.setQueryData(notificationKeys.settings(), applyChange(previous, change));
      return { previous };
    },
    onError: (_error, _change, context) => {
      client.setQueryData(notificationKeys.settings(), context?.previous);
    },
    onSuccess: (saved) => client.setQueryData(notificationKeys.settings(), saved),
  });
}
