import { CURRENCY_DECIMALS, type TCurrency } from "./payments.types";

/** Minor units to PayPal's decimal string: 1234 USD → "12.34". Integer arithmetic only. */
export function toDecimalString(amount: number, currency: string): string {
  const decimals = CURRENCY_DECIMALS[currency as TCurrency] ?? 2;
  const scale = 10 ** decimals;
  const whole = Math.trunc(amount / scale);
  const fraction = String(Math.abs(amount % scale)).padStart(decimals, "0");
  return decimals === 0 ? String(whole) : `${amount < 0 ? "-" : ""}${Math.abs(whole)}.${fraction}`;
}

/** PayPal's decimal string to minor units; null when it isn't an exact amount of this currency. */
export function fromDecimalString(value: string, currency: string): number | null {
  const decimals = CURRENCY_DECIMALS[currency as TCurrency] ?? 2;
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(value);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return null;
  return Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
}

/**
 * The platform's fee on a payment: amount × bps / 10 000, rounded half up to the minor unit
 * (a fee of 10.5 cents is 11). Integer arithmetic, so no float rounding: amounts are at most
 * 10^8 and bps at most 5 000, far inside Number's exact range.
 */
export function platformFee(amount: number, feeBps: number): number {
  return Math.floor((amount * feeBps + 5_000) / 10_000);
}
