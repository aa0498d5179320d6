"use client";

import Link from "next/link";
import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useRemoveFromSafetyList, useSafetyList } from "@/client/hooks/use-safety";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Avatar } from "@/components/users/avatar";

const LABELS = {
  blocks: { action: "Unblock", done: "Unblocked", empty: "You haven't blocked anyone." },
  mutes: { action: "Unmute", done: "Unmuted", empty: "You haven't muted anyone." },
} as const;

/** The accounts the viewer blocks or mutes, a page at a time, each with its undo button. */
export function AccountsSection({ kind }: { kind: "blocks" | "mutes" }) {
  const labels = LABELS[kind];
  const [message, setMessage] = useState("");
  const list = useSafetyList(kind);
  const undo = useRemoveFromSafetyList(kind, {
    onSuccess: (_data, user) => setMessage(`${labels.done} @${user.username}.`),
    onError: (error) => setMessage(formErrorMessage(error)),
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
