import "server-only";
import { env } from "@/lib/config";
import { paypalMode } from "./paypal/paypal-settings";
import {
  PAYOUT_MAX,
  PAYOUT_MIN,
  PRICE_MAX,
  PRICE_MIN,
  TIP_MAX,
  TIP_MIN,
  type TPaymentsConfig,
} from "./payments.types";

/** What clients need to offer payments: whether they're on, PayPal's public client id, bounds. */
export function getPaymentsConfig(): TPaymentsConfig {
  const config = env();
  const mode = paypalMode();
  return {
    enabled: mode !== null,
    mode,
    // The client id is public (PayPal's JS SDK puts it in the page); the secret never leaves.
    clientId: mode === "sandbox" || mode === "live" ? (config.PAYPAL_CLIENT_ID ?? null) : null,
    currencies: config.PAYMENT_CURRENCIES,
    feeBps: config.PLATFORM_FEE_BPS,
    tip: { min: TIP_MIN, max: TIP_MAX },
    price: { min: PRICE_MIN, max: PRICE_MAX },
    payout: { min: PAYOUT_MIN, max: PAYOUT_MAX },
  };
}
