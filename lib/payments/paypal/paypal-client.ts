import "server-only";
import checkoutSdk from "@paypal/checkout-server-sdk";
import type { HttpRequest } from "@paypal/paypalhttp";
import payoutsSdk from "@paypal/payouts-sdk";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { paypalSettings, webUrl, type PayPalSettings } from "./paypal-settings";

/**
 * A call to PayPal that failed. `unavailable`: a timeout, a network error or a 5xx, whose
 * outcome is unknown (the change may have happened); otherwise PayPal answered a 4xx and did not
 * make the change. `issue` is PayPal's error issue, e.g. ORDER_NOT_APPROVED.
 */
export class PayPalCallError extends Error {
  readonly unavailable: boolean;
  readonly status: number | null;
  readonly issue: string | null;
  readonly body: unknown;

  constructor(message: string, status: number | null, body: unknown) {
    super(message);
    this.name = "PayPalCallError";
    this.status = status;
    this.unavailable = status === null || status >= 500 || status === 429;
    this.body = body;
    this.issue = issueOf(body);
  }
}

function issueOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const details = (body as { details?: Array<{ issue?: unknown }> }).details;
  const issue = details?.[0]?.issue;
  if (typeof issue === "string") return issue;
  const name = (body as { name?: unknown }).name;
  return typeof name === "string" ? name : null;
}

type Clients = { settings: PayPalSettings; checkout: Executor; payouts: Executor };
type Executor = { execute<T>(request: HttpRequest): Promise<{ statusCode: number; result?: T }> };

let cached: { key: string; clients: Clients } | undefined;

/** The SDK clients for the configured PayPal, pointed at its base URL, with our timeout. */
async function clients(): Promise<Clients> {
  const settings = paypalSettings();
  if (!settings) {
    throw new ApiError(
      "payments_not_configured",
      "Payments are not configured on this server: set PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET, or PAYPAL_MODE=local.",
    );
  }
  const key = JSON.stringify(settings);
  if (cached?.key === key) return cached.clients;

  const web = settings.mode === "local" ? settings.baseUrl : webUrl(settings.mode);
  const timeoutMs = settings.timeoutMs;
  // The SDKs' environments take any base URL; their clients time out after 30 s unless told.
  class CheckoutClient extends checkoutSdk.core.PayPalHttpClient {
    getTimeout() {
      return timeoutMs;
    }
  }
  class PayoutsClient extends payoutsSdk.core.PayPalHttpClient {
    getTimeout() {
      return timeoutMs;
    }
  }
  const made = {
    settings,
    checkout: new CheckoutClient(
      new checkoutSdk.core.PayPalEnvironment(
        settings.clientId,
        settings.clientSecret,
        settings.baseUrl,
        web,
      ),
    ),
    payouts: new PayoutsClient(
      new payoutsSdk.core.PayPalEnvironment(
        settings.clientId,
        settings.clientSecret,
        settings.baseUrl,
        web,
      ),
    ),
  };
  cached = { key, clients: made };
  return made;
}

function parseBody(text: unknown): unknown {
  if (typeof text !== "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function call<T>(
  which: "checkout" | "payouts",
  request: HttpRequest,
  what: string,
): Promise<T> {
  const client = (await clients())[which];
  try {
    const response = await client.execute<T>(request);
    return response.result as T;
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    const body = parseBody((error as { message?: unknown }).message);
    const failure = new PayPalCallError(
      `PayPal ${what} failed${typeof status === "number" ? ` (HTTP ${status})` : `: ${(error as Error).message}`}`,
      typeof status === "number" ? status : null,
      body,
    );
    log.warn("paypal call failed", { what, status: failure.status, issue: failure.issue });
    throw failure;
  }
}

export type PayPalMoney = { currency_code: string; value: string };
export type PayPalCapture = {
  id: string;
  status: string;
  amount?: PayPalMoney;
  custom_id?: string;
};
export type PayPalOrder = {
  id: string;
  status: string;
  links?: Array<{ href: string; rel: string }>;
  purchase_units?: Array<{
    reference_id?: string;
    custom_id?: string;
    amount?: PayPalMoney;
    payee?: { email_address?: string; merchant_id?: string };
    payments?: { captures?: PayPalCapture[] };
  }>;
};

export async function createOrder(requestId: string, body: unknown): Promise<PayPalOrder> {
  const request = new checkoutSdk.orders.OrdersCreateRequest();
  request.prefer("return=representation");
  // This SDK version has no setter for it on create, though PayPal honours it there too.
  request.headers["PayPal-Request-Id"] = requestId;
  request.requestBody(body);
  return call<PayPalOrder>("checkout", request, "create order");
}

export async function getOrder(orderId: string): Promise<PayPalOrder> {
  return call<PayPalOrder>(
    "checkout",
    new checkoutSdk.orders.OrdersGetRequest(orderId),
    "get order",
  );
}

export async function captureOrder(orderId: string, requestId: string): Promise<PayPalOrder> {
  const request = new checkoutSdk.orders.OrdersCaptureRequest(orderId);
  request.prefer("return=representation");
  request.payPalRequestId(requestId);
  request.requestBody({});
  return call<PayPalOrder>("checkout", request, "capture order");
}

export type PayPalPayoutBatch = {
  batch_header?: { payout_batch_id?: string; batch_status?: string };
  items?: Array<{
    payout_item_id?: string;
    transaction_status?: string;
    errors?: { name?: string; message?: string };
  }>;
};

export async function createPayoutBatch(
  requestId: string,
  body: unknown,
): Promise<PayPalPayoutBatch> {
  const request = new payoutsSdk.payouts.PayoutsPostRequest();
  request.payPalRequestId(requestId);
  request.requestBody(body);
  return call<PayPalPayoutBatch>("payouts", request, "create payout");
}

export async function getPayoutBatch(batchId: string): Promise<PayPalPayoutBatch> {
  return call<PayPalPayoutBatch>(
    "payouts",
    new payoutsSdk.payouts.PayoutsGetRequest(batchId),
    "get payout",
  );
}

/** PayPal's verify-webhook-signature: true only when PayPal answers SUCCESS. */
export async function verifyWebhookSignature(
  headers: Record<string, string>,
  event: unknown,
): Promise<boolean> {
  const { settings } = await clients();
  if (!settings.webhookId) {
    throw new ApiError(
      "payments_not_configured",
      "PAYPAL_WEBHOOK_ID is not set: webhooks can't be verified.",
    );
  }
  // No SDK class for this endpoint: a plain request through the same authenticated client.
  const request: HttpRequest = {
    path: "/v1/notifications/verify-webhook-signature",
    verb: "POST",
    headers: { "Content-Type": "application/json" },
    body: {
      auth_algo: headers["paypal-auth-algo"],
      cert_url: headers["paypal-cert-url"],
      transmission_id: headers["paypal-transmission-id"],
      transmission_sig: headers["paypal-transmission-sig"],
      transmission_time: headers["paypal-transmission-time"],
      webhook_id: settings.webhookId,
      webhook_event: event,
    },
  };
  const result = await call<{ verification_status?: string }>(
    "checkout",
    request,
    "verify webhook",
  );
  return result.verification_status === "SUCCESS";
}

/** Throws 503 payments_not_configured unless PayPal is configured (credentials or local mode). */
export async function assertPaymentsConfigured(): Promise<void> {
  await clients();
}

/** The thrown error when PayPal's outcome is unknown: the client should try again. */
export function providerUnavailable(): ApiError {
  return new ApiError(
    "payment_provider_unavailable",
    "PayPal did not answer in time. Nothing was charged twice: try again in a moment.",
    { headers: { "Retry-After": "2" } },
  );
}
