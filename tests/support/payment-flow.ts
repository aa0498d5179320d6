// A payment as a buyer makes one, for integration tests against an app on the PayPal double
// (tests/support/paypal-app.ts): the app opens a PayPal order, the buyer approves it on PayPal's
// page, and the app captures it. All of it over HTTP, the approval too (the double's form at the
// order's approvalUrl), so this needs nothing but the app's address.
import { expect } from "vitest";
import type {
  TCreatePaymentBody,
  TCreatePaymentResponse,
  TCurrency,
  TPayment,
} from "@/lib/payments/payments.types";
import type { ApiClient, SignedInUser } from "./api-client";

/** What a successful execute answers: a captured payment, which has its capture's id. */
type CapturedPayment = TPayment & { paypalCaptureId: string };

export function paymentFlow(api: ApiClient["api"]) {
  /** POST /api/payments/create as the buyer (with an Idempotency-Key when given): the answer. */
  const create = (buyer: SignedInUser, body: unknown, key?: string) =>
    api("/api/payments/create", {
      method: "POST",
      token: buyer.token,
      body,
      headers: key ? { "idempotency-key": key } : {},
    });

  /** Opens a PayPal order, which must succeed. */
  async function order(buyer: SignedInUser, body: unknown): Promise<TCreatePaymentResponse> {
    const res = await create(buyer, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** What the buyer does on PayPal's page: press "Approve payment" (the page's form). */
  async function approve({ approvalUrl }: Pick<TCreatePaymentResponse, "approvalUrl">) {
    const page = new URL(approvalUrl);
    const res = await fetch(new URL("/checkoutnow", page), {
      method: "POST",
      body: new URLSearchParams({ token: page.searchParams.get("token")!, action: "approve" }),
      // PayPal sends the buyer back to the app's return page; the test executes by itself.
      redirect: "manual",
    });
    if (res.status !== 303) throw new Error(`approving ${approvalUrl} answered ${res.status}`);
  }

  /** POST /api/payments/execute as the buyer: the answer. */
  const execute = (buyer: SignedInUser, orderId: string) =>
    api("/api/payments/execute", { method: "POST", token: buyer.token, body: { orderId } });

  /** A payment made end to end: ordered, approved at "PayPal", captured. */
  async function pay(buyer: SignedInUser, body: TCreatePaymentBody): Promise<CapturedPayment> {
    const created = await order(buyer, body);
    await approve(created);
    const done = await execute(buyer, created.orderId);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return done.body;
  }

  const tipBody = (creator: SignedInUser, amount: number, currency: TCurrency = "USD") =>
    ({ kind: "tip", creatorId: creator.user.id, amount, currency }) as const;

  /** Opens the order for a tip, not yet approved. */
  const orderTip = (
    buyer: SignedInUser,
    creator: SignedInUser,
    amount: number,
    currency?: TCurrency,
  ) => order(buyer, tipBody(creator, amount, currency));

  /** A tip paid end to end. */
  const tip = (buyer: SignedInUser, creator: SignedInUser, amount: number, currency?: TCurrency) =>
    pay(buyer, tipBody(creator, amount, currency));

  const buy = (buyer: SignedInUser, postId: string) =>
    pay(buyer, { kind: "post_purchase", postId });

  /** The user's available balance in one currency (0 when they have none in it). */
  async function balance(user: SignedInUser, currency = "USD"): Promise<number> {
    const res = await api("/api/payments/balance", { token: user.token });
    expect(res.status).toBe(200);
    const row = (res.body.balances as Array<{ currency: string; available: number }>).find(
      (b) => b.currency === currency,
    );
    return row?.available ?? 0;
  }

  return { create, order, approve, execute, pay, orderTip, tip, buy, balance };
}
