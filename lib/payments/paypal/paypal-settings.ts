import "server-only";
import { env } from "@/lib/config";

export type PayPalMode = "sandbox" | "live" | "local";

export type PayPalSettings = {
  mode: PayPalMode;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  webhookId: string | null;
  timeoutMs: number;
};

const BASE_URLS = { sandbox: "https://api-m.sandbox.paypal.com", live: "https://api-m.paypal.com" };
const WEB_URLS = { sandbox: "https://www.sandbox.paypal.com", live: "https://www.paypal.com" };
export const webUrl = (mode: PayPalMode) => (mode === "live" ? WEB_URLS.live : WEB_URLS.sandbox);

/** The mode configuration selects, or null when payments are off (no credentials, not local). */
export function paypalMode(): PayPalMode | null {
  const config = env();
  if (config.PAYPAL_MODE === "local") return "local";
  if (!config.PAYPAL_CLIENT_ID || !config.PAYPAL_CLIENT_SECRET) return null;
  return config.PAYPAL_MODE ?? "sandbox";
}

/**
 * Where and as whom to call PayPal; null when payments are not configured. In local mode that is
 * a PayPal double at PAYPAL_API_URL (lib/config.ts requires it), run as its own server by the
 * tests or by `npm run paypal:double` (dev/paypal-double), with the double's default credentials.
 */
export function paypalSettings(): PayPalSettings | null {
  const mode = paypalMode();
  if (!mode) return null;
  const config = env();
  return {
    mode,
    baseUrl: config.PAYPAL_API_URL ?? (mode === "live" ? BASE_URLS.live : BASE_URLS.sandbox),
    clientId: config.PAYPAL_CLIENT_ID ?? "local-client-id",
    clientSecret: config.PAYPAL_CLIENT_SECRET ?? "local-client-secret",
    webhookId: config.PAYPAL_WEBHOOK_ID ?? (mode === "local" ? "WH-LOCAL-DOUBLE" : null),
    timeoutMs: config.PAYPAL_TIMEOUT_MS,
  };
}
