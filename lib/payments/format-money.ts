import { toDecimalString } from "./money";
import { CURRENCY_DECIMALS, type TCurrency } from "./payments.types";

// The one way Grover writes an amount for people: the screens, the API's error messages and the
// notification sentences all say "$12.50", so a limit reads the same whichever side checks it.
// No "server-only": the browser formats with it too. Always the "en" locale, so a page rendered
// on the server and hydrated in the browser says the same thing.

/** 1250, "EUR" → "€12.50". Amounts are integer minor units of the currency. */
export function formatMoney(amount: number, currency: string): string {
  const decimals = CURRENCY_DECIMALS[currency as TCurrency] ?? 2;
  try {
    const format = new Intl.NumberFormat("en", { style: "currency", currency });
    return format.format(amount / 10 ** decimals);
  } catch {
    // Not an ISO 4217 code (a stored notification from an older version, say): still readable.
    return `${toDecimalString(amount, currency)} ${currency}`;
  }
}
