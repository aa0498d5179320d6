// A local stand-in for PayPal's REST API, speaking the endpoints that @paypal/checkout-server-sdk,
// @paypal/payouts-sdk and our webhook verification call, with PayPal's shapes and rules:
//
//   POST /v1/oauth2/token                          Basic client id:secret, client_credentials
//   POST /v2/checkout/orders                       201 CREATED, an "approve" link to our page
//   GET  /v2/checkout/orders/{id}
//   POST /v2/checkout/orders/{id}/capture          422 ORDER_NOT_APPROVED / ORDER_ALREADY_CAPTURED
//   POST /v1/payments/payouts                      201, sender_batch_id unique
//   GET  /v1/payments/payouts/{batch_id}           PENDING, then the item's outcome
//   POST /v1/notifications/verify-webhook-signature
//
// PayPal-Request-Id is honoured as PayPal does: a repeated create, capture or payout with the
// same id answers the first answer again and changes nothing. Approval is simulated by a page at
// /checkoutnow?token={id} (what the "approve" link opens) that redirects to the order's return
// URL, or by approve() for tests. Control endpoints under /__control/ (and the methods on the
// returned object) inject faults, settle payouts and sign webhooks; they exist only here.
//
// Webhook signatures: PayPal signs "<transmission id>|<time>|<webhook id>|<crc32 of the body>"
// with its certificate. The double signs the same string with an HMAC key of its own and checks
// it in verify-webhook-signature, so a forged or altered event fails verification as it would.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32 } from "node:zlib";
import { approvalPage } from "./approval-page";

export type Operation =
  | "token"
  | "create_order"
  | "get_order"
  | "capture"
  | "create_payout"
  | "get_payout"
  | "verify_webhook";

/**
 * A fault for the next `times` calls of an operation: "error" answers 500 without doing
 * anything; "timeout" holds the request without doing anything (the client gives up);
 * "timeout_after" does the work, then holds the answer (the client can't know it happened).
 */
export type Fault = {
  operation: Operation;
  kind: "error" | "timeout" | "timeout_after";
  times?: number;
};

type Money = { currency_code: string; value: string };
type Order = {
  id: string;
  status: "CREATED" | "APPROVED" | "COMPLETED";
  intent: string;
  purchase_units: Array<Record<string, unknown> & { amount: Money; payee: Payee }>;
  returnUrl?: string;
  cancelUrl?: string;
  create_time: string;
  payer?: Record<string, unknown>;
  captureId?: string;
};
type Payee = { email_address: string; merchant_id: string };
type PayoutItemStatus = "PENDING" | "SUCCESS" | "FAILED" | "UNCLAIMED" | "RETURNED";
type Payout = {
  batchId: string;
  senderBatchId: string;
  itemId: string;
  senderItemId?: string;
  receiver: string;
  amount: { currency: string; value: string };
  status: PayoutItemStatus;
  /** The outcome a GET reveals once the batch has been looked at (PayPal processes a moment). */
  outcome: PayoutItemStatus;
  looked: boolean;
};

export type PayPalDoubleOptions = {
  clientId?: string;
  clientSecret?: string;
  webhookId?: string;
  port?: number;
  /** How long a "timeout" fault holds the request, ms. */
  holdMs?: number;
};

export type PayPalDouble = ReturnType<typeof makeDouble> & {
  url: string;
  stop: () => Promise<void>;
};

const MERCHANT: Payee = {
  email_address: "platform@business.example.com",
  merchant_id: "GROVERLOCAL1",
};
const TOKEN_TTL_S = 32_400;

function id(prefix: string, length = 17): string {
  return (prefix + randomBytes(16).toString("hex").toUpperCase()).slice(0, length);
}

function makeDouble(options: Required<Omit<PayPalDoubleOptions, "port">>, baseUrl: () => string) {
  const tokens = new Set<string>();
  const orders = new Map<string, Order>();
  const payouts = new Map<string, Payout>();
  const payoutsBySender = new Map<string, string>();
  /** Outcomes set before their payout was created, by sender_batch_id. */
  const pendingOutcomes = new Map<string, PayoutItemStatus>();
  /** "<operation> <PayPal-Request-Id>" → the first answer. */
  const replies = new Map<string, { status: number; body: unknown }>();
  let faults: Array<Required<Fault>> = [];
  const hmacKey = randomBytes(32);
  /** Captures actually performed, by order id: the tests' proof of "captured once". */
  const captureCounts = new Map<string, number>();
  const calls: Record<Operation, number> = {
    token: 0,
    create_order: 0,
    get_order: 0,
    capture: 0,
    create_payout: 0,
    get_payout: 0,
    verify_webhook: 0,
  };

  function takeFault(operation: Operation): Required<Fault> | undefined {
    const fault = faults.find((f) => f.operation === operation);
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  function signature(transmissionId: string, time: string, webhookId: string, body: string) {
    const signed = `${transmissionId}|${time}|${webhookId}|${crc32(Buffer.from(body))}`;
    return createHmac("sha256", hmacKey).update(signed).digest("base64");
  }

  function orderView(order: Order) {
    const links = [
      { href: `${baseUrl()}/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" },
    ];
    if (order.status === "CREATED") {
      links.push({
        href: `${baseUrl()}/checkoutnow?token=${order.id}`,
        rel: "approve",
        method: "GET",
      });
    }
    if (order.status === "APPROVED") {
      links.push({
        href: `${baseUrl()}/v2/checkout/orders/${order.id}/capture`,
        rel: "capture",
        method: "POST",
      });
    }
    const purchase_units = order.purchase_units.map((unit) =>
      order.status === "COMPLETED" && order.captureId
        ? {
            ...unit,
            payments: {
              captures: [
                {
                  id: order.captureId,
                  status: "COMPLETED",
                  amount: unit.amount,
                  final_capture: true,
                  custom_id: unit.custom_id,
                  create_time: new Date().toISOString(),
                },
              ],
            },
          }
        : unit,
    );
    return {
      id: order.id,
      status: order.status,
      intent: order.intent,
      purchase_units,
      ...(order.payer ? { payer: order.payer } : {}),
      create_time: order.create_time,
      links,
    };
  }

  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    webhookId: options.webhookId,
    merchant: MERCHANT,
    orders,
    payouts,
    calls,
    captureCounts,
    /** Faults for the next calls; see Fault. */
    inject(fault: Fault) {
      faults.push({ times: 1, ...fault });
    },
    clearFaults() {
      faults = [];
    },
    /** What the buyer does on PayPal's page: approve the order. */
    approve(orderId: string): Order | undefined {
      const order = orders.get(orderId);
      if (!order || order.status !== "CREATED") return order;
      order.status = "APPROVED";
      order.payer = {
        payer_id: "BUYERLOCAL1",
        email_address: "buyer@personal.example.com",
        name: { given_name: "Local", surname: "Buyer" },
      };
      return order;
    },
    /** Decide how a payout's item ends (default SUCCESS), before or after it was created. */
    setPayoutOutcome(senderBatchId: string, outcome: PayoutItemStatus) {
      const batchId = payoutsBySender.get(senderBatchId);
      const payout = batchId ? payouts.get(batchId) : undefined;
      if (payout) {
        payout.outcome = outcome;
        if (payout.looked) payout.status = outcome;
      } else {
        pendingOutcomes.set(senderBatchId, outcome);
      }
    },
    /** Headers PayPal would send with this webhook body. */
    signWebhook(body: string, webhookId = options.webhookId): Record<string, string> {
      const transmissionId = randomBytes(16).toString("hex");
      const time = new Date().toISOString();
      return {
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-time": time,
        "paypal-transmission-sig": signature(transmissionId, time, webhookId, body),
        "paypal-cert-url": `${baseUrl()}/v1/notifications/certs/CERT-LOCAL`,
        "paypal-auth-algo": "SHA256withRSA",
      };
    },

    // Internals the server below uses.
    _tokens: tokens,
    _replies: replies,
    _payoutsBySender: payoutsBySender,
    _pendingOutcomes: pendingOutcomes,
    _takeFault: takeFault,
    _signature: signature,
    _orderView: orderView,
  };
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

function json(res: ServerResponse, reply: Reply) {
  const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text ? { "content-type": "application/json" } : {}),
    "paypal-debug-id": randomBytes(6).toString("hex"),
    ...reply.headers,
  });
  res.end(text);
}

function paypalError(status: number, name: string, issue: string, description: string): Reply {
  return {
    status,
    body: {
      name,
      message: description,
      debug_id: randomBytes(6).toString("hex"),
      details: [{ issue, description }],
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const MONEY = /^\d{1,10}(\.\d{2})?$/;

/** Starts the double on 127.0.0.1 (a free port unless one is given). */
export async function startPayPalDouble(options: PayPalDoubleOptions = {}): Promise<PayPalDouble> {
  const settings = {
    clientId: options.clientId ?? "local-client-id",
    clientSecret: options.clientSecret ?? "local-client-secret",
    webhookId: options.webhookId ?? "WH-LOCAL-DOUBLE",
    holdMs: options.holdMs ?? 30_000,
  };
  let url = "";
  const state = makeDouble(settings, () => url);
  const held = new Set<ServerResponse>();

  const hold = (res: ServerResponse) =>
    new Promise<void>((resolve) => {
      held.add(res);
      const timer = setTimeout(() => {
        held.delete(res);
        res.destroy();
        resolve();
      }, settings.holdMs);
      res.on("close", () => {
        clearTimeout(timer);
        held.delete(res);
        resolve();
      });
    });

  /**
   * Runs an operation with faults and PayPal-Request-Id replay applied. `work` does the change
   * and builds the answer; it runs at most once per request id.
   */
  async function operate(
    operation: Operation,
    req: IncomingMessage,
    res: ServerResponse,
    work: () => Reply,
  ) {
    state.calls[operation] += 1;
    const fault = state._takeFault(operation);
    if (fault?.kind === "error") {
      return json(
        res,
        paypalError(
          500,
          "INTERNAL_SERVER_ERROR",
          "INTERNAL_SERVICE_ERROR",
          "An internal server error occurred.",
        ),
      );
    }
    if (fault?.kind === "timeout") return hold(res);

    const requestId = req.headers["paypal-request-id"];
    const key = typeof requestId === "string" && requestId ? `${operation} ${requestId}` : null;
    const replayed = key ? state._replies.get(key) : undefined;
    let reply: Reply;
    if (replayed) {
      reply = { status: replayed.status, body: replayed.body };
    } else {
      reply = work();
      // PayPal keeps the answer of a successful call for its request id (failures may be retried).
      if (key && reply.status < 300)
        state._replies.set(key, { status: reply.status, body: reply.body });
    }
    if (fault?.kind === "timeout_after") return hold(res);
    json(res, reply);
  }

  function authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? "";
    return header.startsWith("Bearer ") && state._tokens.has(header.slice(7));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const { pathname, searchParams } = new URL(req.url ?? "/", "http://double");
    const method = req.method ?? "GET";
    const text = await readBody(req);

    // Simulated approval (what the "approve" link opens) and the test controls.
    if (pathname === "/checkoutnow" && method === "GET") {
      const order = state.orders.get(searchParams.get("token") ?? "");
      res.writeHead(order ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      return res.end(approvalPage(order ? state._orderView(order) : null));
    }
    if (pathname === "/checkoutnow" && method === "POST") {
      const form = new URLSearchParams(text);
      const order = state.orders.get(form.get("token") ?? "");
      if (!order) return json(res, { status: 404, body: { error: "unknown order" } });
      if (form.get("action") === "cancel") {
        const target = new URL(order.cancelUrl ?? order.returnUrl ?? url);
        target.searchParams.set("token", order.id);
        res.writeHead(303, { location: target.toString() });
        return res.end();
      }
      state.approve(order.id);
      const target = new URL(order.returnUrl ?? url);
      target.searchParams.set("token", order.id);
      target.searchParams.set("PayerID", "BUYERLOCAL1");
      res.writeHead(303, { location: target.toString() });
      return res.end();
    }
    if (pathname.startsWith("/__control/")) return control(pathname, method, text, res);

    if (pathname === "/v1/oauth2/token" && method === "POST") {
      return operate("token", req, res, () => {
        const expected = `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString("base64")}`;
        const given = req.headers.authorization ?? "";
        const same =
          given.length === expected.length &&
          timingSafeEqual(Buffer.from(given), Buffer.from(expected));
        if (!same) {
          return {
            status: 401,
            body: { error: "invalid_client", error_description: "Client Authentication failed" },
          };
        }
        if (new URLSearchParams(text).get("grant_type") !== "client_credentials") {
          return { status: 400, body: { error: "unsupported_grant_type" } };
        }
        const token = `A21AA${randomBytes(24).toString("hex")}`;
        state._tokens.add(token);
        return {
          status: 200,
          body: {
            scope: "https://uri.paypal.com/services/payments/payment",
            access_token: token,
            token_type: "Bearer",
            app_id: "APP-LOCALDOUBLE",
            expires_in: TOKEN_TTL_S,
            nonce: randomBytes(8).toString("hex"),
          },
        };
      });
    }

    if (!authorized(req)) {
      return json(res, {
        status: 401,
        body: { error: "invalid_token", error_description: "Token signature verification failed" },
      });
    }

    if (pathname === "/v2/checkout/orders" && method === "POST") {
      return operate("create_order", req, res, () => createOrder(text));
    }
    const orderMatch = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(pathname);
    if (orderMatch && method === "GET" && !orderMatch[2]) {
      return operate("get_order", req, res, () => {
        const order = state.orders.get(decodeURIComponent(orderMatch[1]!));
        if (!order)
          return paypalError(
            404,
            "RESOURCE_NOT_FOUND",
            "INVALID_RESOURCE_ID",
            "Specified resource ID does not exist.",
          );
        return { status: 200, body: state._orderView(order) };
      });
    }
    if (orderMatch && method === "POST" && orderMatch[2]) {
      return operate("capture", req, res, () => capture(decodeURIComponent(orderMatch[1]!)));
    }
    if (pathname === "/v1/payments/payouts" && method === "POST") {
      return operate("create_payout", req, res, () => createPayout(text));
    }
    const payoutMatch = /^\/v1\/payments\/payouts\/([^/]+)$/.exec(pathname);
    if (payoutMatch && method === "GET") {
      return operate("get_payout", req, res, () => getPayout(decodeURIComponent(payoutMatch[1]!)));
    }
    if (pathname === "/v1/notifications/verify-webhook-signature" && method === "POST") {
      return operate("verify_webhook", req, res, () => verify(text));
    }
    json(
      res,
      paypalError(
        404,
        "RESOURCE_NOT_FOUND",
        "INVALID_RESOURCE_ID",
        `No such endpoint: ${method} ${pathname}`,
      ),
    );
  }

  function createOrder(text: string): Reply {
    const body = parseJson(text);
    const units = body?.purchase_units;
    if (!body || body.intent !== "CAPTURE" || !Array.isArray(units) || units.length !== 1) {
      return paypalError(
        400,
        "INVALID_REQUEST",
        "MALFORMED_REQUEST_JSON",
        "The request JSON is not well formed.",
      );
    }
    const unit = units[0] as Record<string, unknown>;
    const amount = unit.amount as Money | undefined;
    if (
      !amount ||
      !/^[A-Z]{3}$/.test(amount.currency_code ?? "") ||
      !MONEY.test(amount.value ?? "")
    ) {
      return paypalError(
        422,
        "UNPROCESSABLE_ENTITY",
        "INVALID_PARAMETER_VALUE",
        "amount is invalid.",
      );
    }
    const context = (body.application_context ?? {}) as {
      return_url?: string;
      cancel_url?: string;
    };
    const order: Order = {
      id: id("LOC", 17),
      status: "CREATED",
      intent: "CAPTURE",
      purchase_units: [{ ...unit, amount, payee: MERCHANT }],
      returnUrl: context.return_url,
      cancelUrl: context.cancel_url,
      create_time: new Date().toISOString(),
    };
    state.orders.set(order.id, order);
    return { status: 201, body: state._orderView(order) };
  }

  function capture(orderId: string): Reply {
    const order = state.orders.get(orderId);
    if (!order)
      return paypalError(
        404,
        "RESOURCE_NOT_FOUND",
        "INVALID_RESOURCE_ID",
        "Specified resource ID does not exist.",
      );
    if (order.status === "CREATED") {
      return paypalError(
        422,
        "UNPROCESSABLE_ENTITY",
        "ORDER_NOT_APPROVED",
        "Payer has not yet approved the Order for payment.",
      );
    }
    if (order.status === "COMPLETED") {
      return paypalError(
        422,
        "UNPROCESSABLE_ENTITY",
        "ORDER_ALREADY_CAPTURED",
        "Order already captured.",
      );
    }
    order.status = "COMPLETED";
    order.captureId = id("CAP", 17);
    state.captureCounts.set(orderId, (state.captureCounts.get(orderId) ?? 0) + 1);
    return { status: 201, body: state._orderView(order) };
  }

  function createPayout(text: string): Reply {
    const body = parseJson(text);
    const header = body?.sender_batch_header as { sender_batch_id?: string } | undefined;
    const items = body?.items as Array<Record<string, unknown>> | undefined;
    const senderBatchId = header?.sender_batch_id;
    if (!senderBatchId || !Array.isArray(items) || items.length !== 1) {
      return paypalError(
        400,
        "VALIDATION_ERROR",
        "VALIDATION_ERROR",
        "Invalid request - see details.",
      );
    }
    const existing = state._payoutsBySender.get(senderBatchId);
    if (existing) {
      return {
        status: 400,
        body: {
          name: "USER_BUSINESS_ERROR",
          message: "Batch with given sender_batch_id already exists",
          debug_id: randomBytes(6).toString("hex"),
          links: [{ href: `${url}/v1/payments/payouts/${existing}`, rel: "self", method: "GET" }],
        },
      };
    }
    const item = items[0]!;
    const amount = item.amount as { currency?: string; value?: string } | undefined;
    if (!amount?.currency || !MONEY.test(amount.value ?? "") || typeof item.receiver !== "string") {
      return paypalError(422, "UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE", "Invalid item.");
    }
    const payout: Payout = {
      batchId: id("BATCH", 13),
      senderBatchId,
      itemId: id("ITEM", 13),
      senderItemId: typeof item.sender_item_id === "string" ? item.sender_item_id : undefined,
      receiver: item.receiver,
      amount: { currency: amount.currency, value: amount.value! },
      status: "PENDING",
      outcome: state._pendingOutcomes.get(senderBatchId) ?? "SUCCESS",
      looked: false,
    };
    state._pendingOutcomes.delete(senderBatchId);
    state.payouts.set(payout.batchId, payout);
    state._payoutsBySender.set(senderBatchId, payout.batchId);
    return {
      status: 201,
      body: {
        batch_header: {
          payout_batch_id: payout.batchId,
          batch_status: "PENDING",
          sender_batch_header: { sender_batch_id: senderBatchId },
        },
        links: [
          { href: `${url}/v1/payments/payouts/${payout.batchId}`, rel: "self", method: "GET" },
        ],
      },
    };
  }

  function getPayout(batchId: string): Reply {
    const payout = state.payouts.get(batchId);
    if (!payout)
      return paypalError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Batch not found.");
    // The first look finds it still processing; from then on its outcome shows.
    if (payout.looked) payout.status = payout.outcome;
    payout.looked = true;
    const batchStatus = payout.status === "PENDING" ? "PROCESSING" : "SUCCESS";
    return {
      status: 200,
      body: {
        batch_header: {
          payout_batch_id: payout.batchId,
          batch_status: batchStatus,
          sender_batch_header: { sender_batch_id: payout.senderBatchId },
          amount: payout.amount,
        },
        items: [
          {
            payout_item_id: payout.itemId,
            payout_batch_id: payout.batchId,
            transaction_status: payout.status,
            payout_item: {
              recipient_type: "EMAIL",
              amount: payout.amount,
              receiver: payout.receiver,
              sender_item_id: payout.senderItemId,
            },
            ...(payout.status === "FAILED"
              ? { errors: { name: "RECEIVER_UNREGISTERED", message: "Receiver is unregistered" } }
              : {}),
          },
        ],
      },
    };
  }

  function verify(text: string): Reply {
    const body = parseJson(text);
    const fields = [
      "transmission_id",
      "transmission_time",
      "transmission_sig",
      "webhook_id",
      "cert_url",
      "auth_algo",
    ];
    if (
      !body ||
      fields.some((f) => typeof body[f] !== "string") ||
      typeof body.webhook_event !== "object"
    ) {
      return paypalError(
        400,
        "VALIDATION_ERROR",
        "MISSING_REQUIRED_PARAMETER",
        "A required field is missing.",
      );
    }
    const expected = state._signature(
      body.transmission_id as string,
      body.transmission_time as string,
      body.webhook_id as string,
      JSON.stringify(body.webhook_event),
    );
    const given = body.transmission_sig as string;
    const ok =
      body.webhook_id === settings.webhookId &&
      given.length === expected.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    return { status: 200, body: { verification_status: ok ? "SUCCESS" : "FAILURE" } };
  }

  function control(pathname: string, method: string, text: string, res: ServerResponse) {
    const body = parseJson(text) ?? {};
    if (pathname === "/__control/faults" && method === "POST") {
      state.inject(body as Fault);
      return json(res, { status: 204 });
    }
    if (pathname === "/__control/faults" && method === "DELETE") {
      state.clearFaults();
      return json(res, { status: 204 });
    }
    const approve = /^\/__control\/orders\/([^/]+)\/approve$/.exec(pathname);
    if (approve && method === "POST") {
      const order = state.approve(approve[1]!);
      return json(res, order ? { status: 200, body: state._orderView(order) } : { status: 404 });
    }
    const outcome = /^\/__control\/payouts\/([^/]+)\/outcome$/.exec(pathname);
    if (outcome && method === "POST") {
      state.setPayoutOutcome(outcome[1]!, body.status as PayoutItemStatus);
      return json(res, { status: 204 });
    }
    if (pathname === "/__control/webhooks/sign" && method === "POST") {
      return json(res, {
        status: 200,
        body: { headers: state.signWebhook(JSON.stringify(body.event)) },
      });
    }
    if (pathname === "/__control/stats" && method === "GET") {
      return json(res, {
        status: 200,
        body: { calls: state.calls, captures: Object.fromEntries(state.captureCounts) },
      });
    }
    json(res, { status: 404, body: { error: "unknown control" } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        json(res, { status: 500, body: { name: "INTERNAL_SERVER_ERROR", message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(state, {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
