import "server-only";
import { env } from "@/lib/config";
import { log } from "@/lib/log";

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

// PAYPAL_MODE=local: the double runs inside this process, started on first use, on a free
// loopback port (or at PAYPAL_API_URL when that names one already running, as tests do).
const KEY = Symbol.for("grover.paypal-double");
type Store = {
  [KEY]?: Promise<{ url: string; clientId: string; clientSecret: string; webhookId: string }>;
};

async function localDouble() {
  const store = globalThis as Store;
  store[KEY] ??= import("./../paypal-double/paypal-double").then(async ({ startPayPalDouble }) => {
    const double = await startPayPalDouble();
    log.info("local PayPal double started", { url: double.url });
    return double;
  });
  return store[KEY];
}

/** Where and as whom to call PayPal; null when payments are not configured. */
export async function paypalSettings(): Promise<PayPalSettings | null> {
  const mode = paypalMode();
  if (!mode) return null;
  const config = env();
  if (mode === "local" && !config.PAYPAL_API_URL) {
    const double = await localDouble();
    return {
      mode,
      baseUrl: double.url,
      clientId: double.clientId,
      clientSecret: double.clientSecret,
      webhookId: double.webhookId,
      timeoutMs: config.PAYPAL_TIMEOUT_MS,
    };
  }
  return {
    mode,
    baseUrl: config.PAYPAL_API_URL ?? (mode === "live" ? BASE_URLS.live : BASE_URLS.sandbox),
    clientId: config.PAYPAL_CLIENT_ID ?? "local-client-id",
    clientSecret: config.PAYPAL_CLIENT_SECRET ?? "local-client-secret",
    webhookId: config.PAYPAL_WEBHOOK_ID ?? (mode === "local" ? "WH-LOCAL-DOUBLE" : null),
    timeoutMs: config.PAYPAL_TIMEOUT_MS,
  };
}
