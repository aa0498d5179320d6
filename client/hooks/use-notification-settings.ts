import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type { TNotificationSettings } from "@/lib/notifications/notifications.types";

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) =>
      apiFetch<TNotificationSettings>("/api/notifications/settings", { signal }),
    retry: retryUnlessClientError,
  });
}

/** Saves the muted kinds, optimistically; the checkboxes go back if saving fails. */
export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: TNotificationSettings) =>
      apiFetch<TNotificationSettings>("/api/notifications/settings", {
        method: "PUT",
        body: settings,
      }),
    onMutate: async (settings) => {
      await client.cancelQueries({ queryKey: notificationKeys.settings() });
      const previous = client.getQueryData<TNotificationSettings>(notificationKeys.settings());
      client.setQueryData(notificationKeys.settings(), settings);
      return { previous };
    },
    onError: (_error, _settings, context) => {
      client.setQueryData(notificationKeys.settings(), context?.previous);
    },
    onSuccess: (saved) => client.setQueryData(notificationKeys.settings(), saved),
  });
}
