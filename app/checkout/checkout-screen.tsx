"use client";

import { PayPalButtons, PayPalScriptProvider } from "@paypal/react-paypal-js";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiClientError } from "@/client/api-fetch";
import { useCreatePayment, useExecutePayment } from "@/client/hooks/use-payments";
import { parseAmount } from "@/client/parse-amount";
import { inputClassName } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatMoney } from "@/lib/payments/format-money";
import type { TCreatePaymentBody, TPaymentsConfig } from "@/lib/payments/payments.types";

type Creator = { username: string; displayName: string };
export type CheckoutTarget =
  | { kind: "tip"; creatorId: string; creator: Creator }
  | {
      kind: "post_purchase";
      postId: string;
      preview: string;
      creator: Creator;
      price: number;
      currency: string;
    };

const QUICK_TIPS = [300, 500, 1_000];

function message(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  return "Something went wrong. Try again.";
}

/**
 * The checkout: what is being paid for and how much, then PayPal. Sandbox and live render
 * PayPal's own buttons (its JS SDK); local mode sends the buyer to the local PayPal double's
 * approval page, which comes back to /checkout/return.
 */
export function CheckoutScreen({
  config,
  target,
  nonce,
}: {
  config: TPaymentsConfig;
  target: CheckoutTarget;
  nonce?: string;
}) {
  const router = useRouter();
  const amountId = useId();
  const currencyId = useId();
  const errorId = useId();
  const [amountText, setAmountText] = useState("5.00");
  const [currency, setCurrency] = useState(config.currencies[0] ?? "USD");
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePayment();
  const execute = useExecutePayment();

  const tipAmount = target.kind === "tip" ? parseAmount(amountText) : null;
  const amount = target.kind === "tip" ? tipAmount : target.price;
  const payCurrency = target.kind === "tip" ? currency : target.currency;
  const amountProblem =
    target.kind !== "tip"
      ? null
      : tipAmount === null
        ? "Enter an amount like 5 or 5.50."
        : tipAmount < config.tip.min || tipAmount > config.tip.max
          ? `Tips are from ${formatMoney(config.tip.min, currency)} to ${formatMoney(config.tip.max, currency)}.`
          : null;

  const body = (): TCreatePaymentBody =>
    target.kind === "tip"
      ? {
          kind: "tip",
          creatorId: target.creatorId,
          amount: tipAmount ?? 0,
          currency: currency as "USD",
        }
      : { kind: "post_purchase", postId: target.postId };

  async function startLocal() {
    setError(null);
    try {
      const order = await create.mutateAsync(body());
      window.location.assign(order.approvalUrl);
    } catch (e) {
      setError(message(e));
    }
  }

  const heading =
    target.kind === "tip"
      ? `Tip ${target.creator.displayName}`
      : `Unlock a post by ${target.creator.displayName}`;

  return (
    <div className="mx-auto max-w-lg space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{heading}</h1>
        <p className="text-stone-600">
          @{target.creator.username} receives it through PayPal, less Grover&apos;s{" "}
          {config.feeBps / 100}% fee.
        </p>
      </div>

      <section
        aria-labelledby="summary-heading"
        className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        {target.kind === "post_purchase" ? (
          <>
            {target.preview ? <p className="text-stone-700 italic">“{target.preview}”</p> : null}
            <p className="text-lg">
              Price: <strong>{formatMoney(target.price, target.currency)}</strong>
            </p>
          </>
        ) : (
          <div className="space-y-3">
            <div className="flex flex-wrap gap-2" role="group" aria-label="Quick amounts">
              {QUICK_TIPS.map((q) => (
                <button
                  key={q}
                  type="button"
                  aria-pressed={tipAmount === q}
                  onClick={() => setAmountText((q / 100).toFixed(2))}
                  className={buttonClassName({
                    variant: tipAmount === q ? "primary" : "secondary",
                    size: "sm",
                  })}
                >
                  {formatMoney(q, currency)}
                </button>
              ))}
            </div>
            <div className="flex gap-3">
              <div className="flex-1">
                <label htmlFor={amountId} className="mb-1 block text-sm font-semibold">
                  Amount
                </label>
                <input
                  id={amountId}
                  name="amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={amountText}
                  onChange={(e) => setAmountText(e.target.value)}
                  aria-invalid={amountProblem ? true : undefined}
                  aria-describedby={amountProblem ? errorId : undefined}
                  className={inputClassName}
                />
              </div>
              <div>
                <label htmlFor={currencyId} className="mb-1 block text-sm font-semibold">
                  Currency
                </label>
                <select
                  id={currencyId}
                  name="currency"
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value)}
                  className={inputClassName}
                >
                  {config.currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {amountProblem ? (
              <p id={errorId} className="text-sm font-medium text-red-700">
                {amountProblem}
              </p>
            ) : null}
          </div>
        )}

        {!config.enabled ? (
          <div
            role="alert"
            className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
          >
            <p className="font-semibold">Payments are not configured on this server.</p>
            <p className="mt-1 text-sm">
              Nothing can be paid here yet. The operator needs to set PayPal credentials (or
              PAYPAL_MODE=local for testing).
            </p>
          </div>
        ) : config.mode === "local" ? (
          <div className="space-y-2">
            <button
              type="button"
              onClick={() => void startLocal()}
              disabled={create.isPending || amountProblem !== null || amount === null}
              className={buttonClassName({ className: "w-full" })}
            >
              {create.isPending ? <Spinner /> : null}
              Continue to PayPal
              {amount !== null && !amountProblem ? ` · ${formatMoney(amount, payCurrency)}` : ""}
            </button>
            <p className="text-center text-xs text-stone-500">
              Test mode: a local stand-in for PayPal. No real money moves.
            </p>
          </div>
        ) : config.clientId ? (
          <PayPalScriptProvider
            options={{
              clientId: config.clientId,
              currency: payCurrency,
              intent: "capture",
              dataCspNonce: nonce,
            }}
          >
            <PayPalButtons
              style={{ layout: "vertical", label: "pay" }}
              disabled={amountProblem !== null}
              forceReRender={[amount, payCurrency]}
              createOrder={async () => {
                setError(null);
                try {
                  return (await create.mutateAsync(body())).orderId;
                } catch (e) {
                  setError(message(e));
                  throw e;
                }
              }}
              onApprove={async ({ orderID }) => {
                try {
                  const payment = await execute.mutateAsync(orderID);
                  router.push(`/checkout/return?payment=${payment.id}&token=${orderID}`);
                } catch (e) {
                  setError(message(e));
                }
              }}
              onError={() => setError("PayPal couldn't complete the payment. Try again.")}
            />
          </PayPalScriptProvider>
        ) : null}

        {error ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </section>
    </div>
  );
}
