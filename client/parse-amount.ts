// Amounts travel as integer minor units (cents); people type major units ("12.50"). Every
// currency Grover accepts has two decimals. (Amounts are written for people by formatMoney in
// lib/payments/format-money.ts, which the server's messages use too.)

/**
 * What someone typed ("12", "12.5", "12.50") as minor units; null when it isn't an amount with
 * at most two decimals. Parsed as text, so "0.1 + 0.2" float errors can't creep in.
 */
export function parseAmount(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0") || "0");
}
