"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFetch, toQueryString, type Page } from "@/client/api-fetch";
import { formErrorMessage } from "@/client/field-errors";
import { safetyKeys } from "@/client/hooks/use-safety";
import { postKeys, userKeys } from "@/client/query-keys";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Avatar } from "@/components/users/avatar";
import type { TUserSummary } from "@/lib/users/users.types";

const LABELS = {
  blocks: {
    action: "Unblock",
    done: "Unblocked",
    empty: "You haven't blocked anyone.",
    path: "block",
  },
  mutes: { action: "Unmute", done: "Unmuted", empty: "You haven't muted anyone.", path: "mute" },
} as const;

/** The accounts the viewer blocks or mutes, a page at a time, each with its undo button. */
export function AccountsSection({ kind }: { kind: "blocks" | "mutes" }) {
  const labels = LABELS[kind];
  const client = useQueryClient();
  const [message, setMessage] = useState("");
  const list = useInfiniteQuery({
    queryKey: safetyKeys.list(kind),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<Page<TUserSummary>>(
        `/api/users/me/${kind}${toQueryString({ cursor: pageParam, limit: 20 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const undo = useMutation({
    mutationFn: (user: TUserSummary) =>
      apiFetch(`/api/users/${encodeURIComponent(user.id)}/${labels.path}`, { method: "DELETE" }),
    onSuccess: (_data, user) => setMessage(`${labels.done} @${user.username}.`),
    onError: (error) => setMessage(formErrorMessage(error)),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: safetyKeys.all });
      void client.invalidateQueries({ queryKey: postKeys.lists() });
      void client.invalidateQueries({ queryKey: userKeys.all });
    },
  });

  if (list.isPending) {
    return (
      <p className="flex items-center gap-2 text-stone-600">
        <Spinner /> Loading…
      </p>
    );
  }
  if (list.isError) return <p role="alert">{formErrorMessage(list.error)}</p>;
  const users = list.data.pages.flatMap((page) => page.items);

  return (
    <div className="space-y-3">
      {users.length === 0 ? <p className="text-stone-600">{labels.empty}</p> : null}
      <ul className="divide-y divide-stone-200">
        {users.map((user) => (
          <li key={user.id} className="flex items-center justify-between gap-3 py-3">
            <Link
              href={`/u/${user.username}`}
              className="flex min-w-0 items-center gap-3 rounded hover:underline"
            >
              <Avatar
                username={user.username}
                displayName={user.displayName}
                avatarUrl={user.avatarUrl}
                size="sm"
              />
              <span className="min-w-0">
                <span className="block truncate font-semibold">{user.displayName}</span>
                <span className="block truncate text-sm text-stone-600">@{user.username}</span>
              </span>
            </Link>
            <button
              type="button"
              onClick={() => {
                if (!undo.isPending) undo.mutate(user);
              }}
              aria-disabled={undo.isPending || undefined}
              className={buttonClassName({ variant: "secondary", size: "sm" })}
            >
              {labels.action}
              <span className="sr-only"> {user.displayName}</span>
            </button>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          aria-disabled={list.isFetchingNextPage || undefined}
          className={buttonClassName({ variant: "secondary", size: "sm" })}
        >
          {list.isFetchingNextPage ? "Loading…" : "Show more"}
        </button>
      ) : null}
      <p role="status" className="text-sm text-stone-700">
        {message}
      </p>
    </div>
  );
}
