"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useDisconnectProvider } from "@/client/hooks/use-account";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export type ConnectedProvider = { id: string; name: string; connected: boolean };

type Props = {
  providers: ConnectedProvider[];
  /** What the last link attempt came to, read from the address it returned to. */
  notice: { ok: boolean; text: string } | null;
};

/**
 * One row per sign-in provider the server offers. Connecting goes through the provider's own
 * sign-in while signed in here, which links that identity to this account whatever address it
 * carries (lib/auth/link-oauth-account.ts).
 */
export function ConnectedAccountsSection({ providers, notice }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(notice);
  const disconnect = useDisconnectProvider({
    onSuccess: (_, id) => {
      const name = providers.find((p) => p.id === id)?.name ?? id;
      setMessage({ ok: true, text: `${name} is disconnected.` });
      // The list is rendered by the server page.
      router.refresh();
    },
    onError: (error) => setMessage({ ok: false, text: formErrorMessage(error) }),
  });

  const connect = (id: string) => {
    setPending(id);
    void signIn(id, { callbackUrl: `/settings/account?linked=${encodeURIComponent(id)}` });
  };

  return (
    <div className="space-y-3">
      <p className="text-stone-600">
        Sign in with these as well as your password. Connecting one makes it a way into this
        account.
      </p>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded-lg border px-3 py-2 text-sm font-medium ${
            message.ok
              ? "border-brand-100 bg-brand-50 text-brand-700"
              : "border-red-200 bg-red-50 text-red-800"
          }`}
        >
          {message.text}
        </p>
      ) : null}
      <ul className="divide-y divide-stone-200">
        {providers.map((provider) => (
          <li key={provider.id} className="flex items-center justify-between gap-3 py-3">
            <p className="min-w-0 font-semibold break-words">{provider.name}</p>
            {provider.connected ? (
              <div className="flex shrink-0 flex-wrap items-center justify-end gap-2">
                <span className="rounded-full bg-brand-100 px-3 py-1 text-sm text-brand-700">
                  Connected
                </span>
                <button
                  type="button"
                  onClick={() => {
                    setMessage(null);
                    if (!disconnect.isPending) disconnect.mutate(provider.id);
                  }}
                  aria-disabled={disconnect.isPending || undefined}
                  aria-label={`Disconnect ${provider.name}`}
                  className={buttonClassName({ variant: "ghost", size: "sm" })}
                >
                  Disconnect
                </button>
              </div>
            ) : (
              <button
                type="button"
                onClick={() => connect(provider.id)}
                aria-disabled={pending !== null || undefined}
                aria-label={`Connect ${provider.name}`}
                className={buttonClassName({ variant: "secondary", className: "shrink-0" })}
              >
                {pending === provider.id ? (
                  <>
                    <Spinner /> Connecting…
                  </>
                ) : (
                  "Connect"
                )}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
