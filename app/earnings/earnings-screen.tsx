"use client";

import Link from "next/link";
import { useId, useState } from "react";
import {
  useBalance,
  useLedger,
  usePayouts,
  useRefreshPayout,
  useWithdraw,
} from "@/client/hooks/use-payments";
import { parseAmount } from "@/client/parse-amount";
import { inputClassName } from "@/components/forms/form-field";
import { RelativeTime } from "@/components/posts/post-card";
import { buttonClassName } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Spinner } from "@/components/ui/spinner";
import { formatMoney } from "@/lib/payments/format-money";
import type { TPaymentsConfig, TPayout } from "@/lib/payments/payments.types";

const KIND_LABELS: Record<string, string> = {
  tip: "Tip received",
  sale: "Post sold",
  fee: "Platform fee",
  refund: "Refund",
  fee_refund: "Fee returned",
  payout_reserved: "Payout",
  payout_reversed: "Payout returned",
};

const STATUS_STYLES: Record<TPayout["status"], string> = {
  pending: "bg-stone-100 text-stone-800",
  processing: "bg-amber-100 text-amber-900",
  success: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

function WithdrawForm({
  config,
  balances,
}: {
  config: TPaymentsConfig;
  balances: Array<{ currency: string; available: number }>;
}) {
  const withdraw = useWithdraw();
  const amountId = useId();
  const currencyId = useId();
  const emailId = useId();
  const [amountText, setAmountText] = useState("");
  const [currency, setCurrency] = useState(balances[0]?.currency ?? config.currencies[0] ?? "USD");
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const available = balances.find((b) => b.currency === currency)?.available ?? 0;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const amount = parseAmount(amountText);
    if (amount === null) return setProblem("Enter an amount like 25 or 25.50.");
    if (amount > available)
      return setProblem(`You can withdraw at most ${formatMoney(available, currency)}.`);
    try {
      await withdraw.mutateAsync({
        amount,
        currency: currency as "USD",
        ...(email.trim() ? { paypalEmail: email.trim() } : {}),
      });
      setAmountText("");
    } catch (e) {
      setProblem(e instanceof Error ? e.message : "The payout failed. Try again.");
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
      <h2 className="text-lg font-semibold">Withdraw to PayPal</h2>
      <div className="flex flex-wrap gap-3">
        <div className="min-w-32 flex-1">
          <label htmlFor={amountId} className="mb-1 block text-sm font-semibold">
            Amount
          </label>
          <input
            id={amountId}
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            placeholder={(available / 100).toFixed(2)}
            aria-invalid={problem ? true : undefined}
            className={inputClassName}
          />
        </div>
        <div>
          <label htmlFor={currencyId} className="mb-1 block text-sm font-semibold">
            Currency
          </label>
          <select
            id={currencyId}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            className={inputClassName}
          >
            {config.currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={emailId} className="mb-1 block text-sm font-semibold">
          PayPal email{" "}
          <span className="font-normal text-stone-600">
            (optional: your account email otherwise)
          </span>
        </label>
        <input
          id={emailId}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={inputClassName}
        />
      </div>
      {problem ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={withdraw.isPending || available <= 0}
        className={buttonClassName()}
      >
        {withdraw.isPending ? <Spinner /> : null}
        Withdraw
      </button>
    </form>
  );
}

function PayoutRow({ payout }: { payout: TPayout }) {
  const refresh = useRefreshPayout();
  const settled = payout.status === "success" || payout.status === "failed";
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <div>
        <p className="font-semibold tabular-nums">{formatMoney(payout.amount, payout.currency)}</p>
        <p className="text-sm text-stone-600">
          to {payout.paypalEmail} · <RelativeTime iso={payout.createdAt} />
          {payout.failureReason ? ` · ${payout.failureReason}` : ""}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <span
          data-testid="payout-status"
          className={`rounded-full px-2.5 py-1 text-xs font-semibold ${STATUS_STYLES[payout.status]}`}
        >
          {payout.status}
        </span>
        {settled ? null : (
          <button
            type="button"
            onClick={() => refresh.mutate(payout.id)}
            disabled={refresh.isPending}
            className={buttonClassName({ variant: "secondary", size: "sm" })}
          >
            {refresh.isPending ? <Spinner /> : null}
            Check status
          </button>
        )}
      </div>
    </li>
  );
}

/** A creator's money: balance per currency, withdrawals with their status, and every movement. */
export function EarningsScreen({
  config,
  emailVerified,
}: {
  config: TPaymentsConfig;
  /** Payouts answer 403 email_not_verified until it is: say so instead of offering the form. */
  emailVerified: boolean;
}) {
  const balance = useBalance();
  const payouts = usePayouts();
  const ledger = useLedger();

  if (balance.isError)
    return <ErrorState headingLevel="h1" onRetry={() => void balance.refetch()} />;
  const balances = balance.data?.balances ?? [];
  const nonZero = balances.filter((b) => b.available !== 0);
  const payoutItems = payouts.data?.pages.flatMap((p) => p.items) ?? [];
  const entries = ledger.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Earnings</h1>
        <p className="text-stone-600">
          Tips and post sales, net of Grover&apos;s {config.feeBps / 100}% fee.
        </p>
      </div>

      <section
        aria-labelledby="balance-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="balance-heading" className="text-sm font-semibold text-stone-600">
          Available balance
        </h2>
        {balance.isPending ? (
          <Spinner />
        ) : nonZero.length === 0 ? (
          <p data-testid="balance" className="text-3xl font-bold tabular-nums">
            {formatMoney(0, config.currencies[0] ?? "USD")}
          </p>
        ) : (
          <ul data-testid="balance" className="space-y-1">
            {nonZero.map((b) => (
              <li key={b.currency} className="text-3xl font-bold tabular-nums">
                {formatMoney(b.available, b.currency)}
              </li>
            ))}
          </ul>
        )}
        {!config.enabled ? (
          <p role="note" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-950">
            Payments are not configured on this server, so withdrawals are unavailable.
          </p>
        ) : !emailVerified ? (
          <p role="note" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-950">
            Confirm your email address to withdraw: payouts need an address where we can reach you.
            Open the link we mailed you, or{" "}
            <Link href="/settings/account#email" className="font-semibold underline">
              send a new link
            </Link>
            .
          </p>
        ) : (
          <div className="mt-5 border-t border-stone-200 pt-5">
            <WithdrawForm config={config} balances={balances} />
          </div>
        )}
      </section>

      <section
        aria-labelledby="payouts-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="payouts-heading" className="text-lg font-semibold">
          Payouts
        </h2>
        {payoutItems.length === 0 ? (
          <p className="mt-2 text-stone-600">
            {payouts.isPending ? "Loading…" : "No payouts yet."}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {payoutItems.map((p) => (
              <PayoutRow key={p.id} payout={p} />
            ))}
          </ul>
        )}
        {payouts.hasNextPage ? (
          <button
            type="button"
            onClick={() => void payouts.fetchNextPage()}
            className={buttonClassName({ variant: "ghost", size: "sm" })}
          >
            More payouts
          </button>
        ) : null}
      </section>

      <section
        aria-labelledby="ledger-heading"
        className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="ledger-heading" className="text-lg font-semibold">
          Activity
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-stone-600">
            {ledger.isPending ? "Loading…" : "Nothing yet. Tips and sales show up here."}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {entries.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-2 py-2.5">
                <span>
                  {KIND_LABELS[e.kind] ?? e.kind}
                  <span className="block text-sm text-stone-600">
                    <RelativeTime iso={e.createdAt} />
                  </span>
                </span>
                <span
                  className={`font-semibold tabular-nums ${e.amount < 0 ? "text-stone-700" : "text-emerald-700"}`}
                >
                  {e.amount > 0 ? "+" : "−"}
                  {formatMoney(Math.abs(e.amount), e.currency)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {ledger.hasNextPage ? (
          <button
            type="button"
            onClick={() => void ledger.fetchNextPage()}
            className={buttonClassName({ variant: "ghost", size: "sm" })}
          >
            {ledger.isFetchingNextPage ? <Spinner /> : null}
            Older activity
          </button>
        ) : null}
      </section>
    </div>
  );
}
