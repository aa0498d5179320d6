"use client";

import { useId } from "react";
import { parseAmount } from "@/client/parse-amount";
import { buttonClassName } from "@/components/ui/button";
import {
  PRICE_MAX,
  PRICE_MIN,
  SUPPORTED_CURRENCIES,
  type TPrice,
} from "@/lib/payments/payments.types";

export type PriceDraft = { on: boolean; amount: string; currency: TPrice["currency"] };
export const EMPTY_PRICE_DRAFT: PriceDraft = { on: false, amount: "", currency: "USD" };

/** The draft as the API's price: undefined when free, null when on but not a valid price. */
export function priceFromDraft(draft: PriceDraft): TPrice | undefined | null {
  if (!draft.on) return undefined;
  const amount = parseAmount(draft.amount);
  if (amount === null || amount < PRICE_MIN || amount > PRICE_MAX) return null;
  return { amount, currency: draft.currency };
}

/** The composer's "Paid post" switch and, when on, the price. */
export function ComposerPrice({
  draft,
  onChange,
  disabled,
}: {
  draft: PriceDraft;
  onChange: (draft: PriceDraft) => void;
  disabled?: boolean;
}) {
  const amountId = useId();
  const currencyId = useId();
  return (
    <div className="flex flex-wrap items-center gap-1">
      <button
        type="button"
        aria-pressed={draft.on}
        disabled={disabled}
        onClick={() => onChange({ ...draft, on: !draft.on })}
        className={buttonClassName({ variant: "ghost", size: "sm" })}
      >
        {draft.on ? "Remove price" : "Set a price"}
      </button>
      {draft.on ? (
        <span className="flex items-center gap-1">
          <label htmlFor={amountId} className="sr-only">
            Price
          </label>
          <input
            id={amountId}
            name="price"
            inputMode="decimal"
            autoComplete="off"
            placeholder="2.50"
            value={draft.amount}
            onChange={(e) => onChange({ ...draft, amount: e.target.value })}
            className="w-20 rounded-lg border border-stone-300 px-2 py-1.5 text-sm"
          />
          <label htmlFor={currencyId} className="sr-only">
            Currency
          </label>
          <select
            id={currencyId}
            value={draft.currency}
            onChange={(e) => onChange({ ...draft, currency: e.target.value as TPrice["currency"] })}
            className="rounded-lg border border-stone-300 px-2 py-1.5 text-sm"
          >
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </span>
      ) : null}
    </div>
  );
}
