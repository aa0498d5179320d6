import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import type { MutationCallbacks } from "@/client/mutation-callbacks";
import { accountKeys } from "@/client/query-keys";
import type {
  TChangePasswordBody,
  TDataExport,
  TDeleteAccountBody,
  TSession,
  ZLatestDataExportSchema,
  ZSessionListSchema,
} from "@/lib/account/account.types";

const EXPORT_POLL_MS = 2_000;

/** Where the viewer is signed in: browsers and API tokens. */
export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: () => apiFetch<z.infer<typeof ZSessionListSchema>>("/api/users/me/sessions"),
  });
}

/**
 * Signs one session out. Signing out this device ends the page's session too; any other one
 * leaves the list, after `onSignedOut`.
 */
export function useSignOutSession({
  onSignedOut,
  onError,
}: {
  onSignedOut: (session: TSession) => void;
  onError: (error: Error) => void;
}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: TSession) =>
      apiFetch<void>(`/api/users/me/sessions/${session.id}`, { method: "DELETE" }),
    onSuccess: async (_, session) => {
      if (session.current) {
        await signOut({ callbackUrl: "/" });
        return;
      }
      onSignedOut(session);
      await client.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
    onError,
  });
}

/** The latest data export, watched while it is being built. */
export function useDataExport() {
  return useQuery({
    queryKey: accountKeys.export(),
    queryFn: () => apiFetch<z.infer<typeof ZLatestDataExportSchema>>("/api/users/me/export"),
    refetchInterval: (query) =>
      query.state.data?.export?.status === "pending" ? EXPORT_POLL_MS : false,
  });
}

export function useRequestDataExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TDataExport>("/api/users/me/export", { method: "POST" }),
    onSuccess: (created) => client.setQueryData(accountKeys.export(), { export: created }),
  });
}

export function useChangePassword(callbacks: MutationCallbacks<void, TChangePasswordBody>) {
  return useMutation({
    mutationFn: (body: TChangePasswordBody) =>
      apiFetch<void>("/api/users/me/password", { method: "PUT", body }),
    ...callbacks,
  });
}

/** Stops signing in with a provider ("github", "google", "oidc"); the list is the page's own. */
export function useDisconnectProvider(callbacks: MutationCallbacks<void, string>) {
  return useMutation({
    mutationFn: (provider: string) =>
      apiFetch<void>(`/api/users/me/connected-accounts/${encodeURIComponent(provider)}`, {
        method: "DELETE",
      }),
    ...callbacks,
  });
}

/** Deletes the viewer's account, then signs out. */
export function useDeleteAccount({ onError }: { onError: (error: Error) => void }) {
  return useMutation({
    mutationFn: (body: TDeleteAccountBody) =>
      apiFetch<void>("/api/users/me", { method: "DELETE", body }),
    onSuccess: () => signOut({ callbackUrl: "/" }),
    onError,
  });
}
