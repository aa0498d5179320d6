"use client";

import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useSessions, useSignOutSession } from "@/client/hooks/use-account";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { TSession } from "@/lib/account/account.types";

/** "Firefox on Linux" is more than we can promise from a user agent; its first words will do. */
function deviceOf(session: TSession): string {
  const kind = session.kind === "api" ? "API token" : "Web browser";
  const agent = session.userAgent?.split(" ")[0];
  return agent ? `${kind} · ${agent}` : kind;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function SessionsSection() {
  const [message, setMessage] = useState("");
  const sessions = useSessions();
  const revoke = useSignOutSession({
    onSignedOut: (session) => setMessage(`Signed out: ${deviceOf(session)}.`),
    onError: (error) => setMessage(formErrorMessage(error)),
  });

  if (sessions.isPending) {
    return (
      <p className="flex items-center gap-2 text-stone-600">
        <Spinner /> Loading sessions…
      </p>
    );
  }
  if (sessions.isError) return <p role="alert">{formErrorMessage(sessions.error)}</p>;

  return (
    <div className="space-y-3">
      <ul className="divide-y divide-stone-200">
        {sessions.data.items.map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-3 py-3">
            <div className="min-w-0 space-y-0.5">
              <p className="font-semibold">
                {deviceOf(session)}
                {session.current ? (
                  <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-700">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-stone-600">
                {session.ip ?? "Unknown address"} · last used {when(session.lastUsedAt)} · signed in{" "}
                {when(session.createdAt)}
              </p>
            </div>
            <button
              type="button"
              className={buttonClassName({ variant: "secondary", size: "sm" })}
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(session)}
              aria-label={`Sign out ${deviceOf(session)}${session.current ? " (this device)" : ""}`}
            >
              Sign out
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm text-stone-700">
        {message}
      </p>
    </div>
  );
}
