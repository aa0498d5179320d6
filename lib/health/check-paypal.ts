import "server-only";
import { paypalMode, paypalSettings } from "@/lib/payments/paypal/paypal-settings";
import { timed, type Check } from "./timed";

// PayPal is on the internet and rate-limits token requests: one probe a minute is plenty, and a
// health check polled every few seconds must not become PayPal traffic.
const CACHE_MS = 60_000;
let last: { at: number; check: Promise<Check> } | undefined;

async function requestToken(): Promise<void> {
  const settings = paypalSettings();
  if (!settings) throw new Error("payments are not configured");
  const res = await fetch(`${settings.baseUrl}/v1/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
    signal: AbortSignal.timeout(2_500),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`PayPal answered HTTP ${res.status} to a token request`);
}

/** PayPal's state, when payments are configured (null otherwise): can we get an access token? */
export function checkPayPal(): Promise<Check> | null {
  if (!paypalMode()) return null;
  if (!last || Date.now() - last.at > CACHE_MS) {
    last = { at: Date.now(), check: timed(requestToken) };
  }
  return last.check;
}
