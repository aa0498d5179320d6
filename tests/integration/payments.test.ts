import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PayPalDouble } from "@/dev/paypal-double/paypal-double";
import {
  api as sharedApi,
  registerAndSignIn as sharedSignUp,
  type ApiClient,
  type SignedInUser,
} from "@/tests/support/api-client";
import { paymentFlow } from "@/tests/support/payment-flow";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";

// The app on PayPal's production code path, against the local double this test controls
// (tests/support/paypal-app.ts).
let double: PayPalDouble;
let client: ApiClient;
let stop: PayPalApp["stop"];
let app: PayPalApp;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();
/** Payouts need a confirmed address: the creators who withdraw are made with this. */
const signUpVerified = () => app.signUpVerified();

beforeAll(async () => {
  ({ double, client, stop } = app = await startPayPalApp("payments", {
    PAYPAL_TIMEOUT_MS: "1000",
  }));
}, 180_000);

afterAll(async () => {
  await stop?.();
});

afterEach(() => double.clearFaults());

const { order, approve, execute, orderTip, tip, balance } = paymentFlow(api);

async function ledger(user: SignedInUser) {
  const entries: Array<{
    kind: string;
    amount: number;
    currency: string;
    paymentId: string | null;
    payoutId: string | null;
  }> = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await api(`/api/payments/ledger?limit=3${query}`, { token: user.token });
    expect(res.status).toBe(200);
    entries.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return entries;
}

/** The stored balance agrees with the sum of the ledger, currency by currency. */
async function expectBalanceMatchesLedger(user: SignedInUser) {
  const entries = await ledger(user);
  const res = await api("/api/payments/balance", { token: user.token });
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.currency, (sums.get(e.currency) ?? 0) + e.amount);
  for (const b of res.body.balances as Array<{ currency: string; available: number }>) {
    expect(b.available, `balance in ${b.currency}`).toBe(sums.get(b.currency) ?? 0);
    sums.delete(b.currency);
  }
  expect([...sums.values()].every((v) => v === 0)).toBe(true);
}

function webhook(event: Record<string, unknown>, headers?: Record<string, string>) {
  const body = JSON.stringify(event);
  return api("/api/payments/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(headers ?? double.signWebhook(body)) },
  });
}

const eventId = () => `WH-${randomBytes(8).toString("hex").toUpperCase()}`;

describe("payments configuration", () => {
  it("answers 503 payments_not_configured on a server without PayPal", async () => {
    // The shared integration server has no PayPal settings at all.
    const config = await sharedApi("/api/payments/config");
    expect(config.body).toMatchObject({ enabled: false, mode: null });
    const buyer = await sharedSignUp();
    const creator = await sharedSignUp();
    const res = await sharedApi("/api/payments/create", {
      method: "POST",
      token: buyer.token,
      body: { kind: "tip", creatorId: creator.user.id, amount: 500, currency: "USD" },
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "payments_not_configured" });
    expect(res.body.error.message).toMatch(/not configured/);
  });

  it("publishes the settings a client needs", async () => {
    const res = await api("/api/payments/config");
    expect(res.body).toMatchObject({
      enabled: true,
      mode: "sandbox",
      clientId: "test-client",
      currencies: ["USD", "EUR", "GBP"],
      feeBps: 1000,
      tip: { min: 100, max: 100_000 },
      price: { min: 50, max: 50_000 },
    });
  });
});

describe("tips", () => {
  it("runs a tip end to end and credits the creator net of the 10% fee", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_050);
    expect(created.approvalUrl).toBe(`${double.url}/checkoutnow?token=${created.orderId}`);
    expect(double.orders.get(created.orderId)?.purchase_units[0]?.amount).toEqual({
      currency_code: "USD",
      value: "10.50",
    });

    // Not approved yet: refused, nothing moves.
    const early = await execute(buyer, created.orderId);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/not approved/);
    expect(await balance(creator)).toBe(0);

    await approve(created);
    const done = await execute(buyer, created.orderId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: created.id,
      kind: "tip",
      status: "captured",
      amount: 1_050,
      currency: "USD",
      fee: 105,
      net: 945,
      buyerId: buyer.user.id,
      creatorId: creator.user.id,
    });
    expect(done.body.paypalCaptureId).toMatch(/^CAP/);

    expect(await balance(creator)).toBe(945);
    expect((await ledger(creator)).map((e) => [e.kind, e.amount]).sort()).toEqual([
      ["fee", -105],
      ["tip", 1_050],
    ]);
    await expectBalanceMatchesLedger(creator);

    // Executing again is a no-op that answers the same payment.
    const again = await execute(buyer, created.orderId);
    expect(again.body).toMatchObject({
      status: "captured",
      paypalCaptureId: done.body.paypalCaptureId,
    });
    expect(await balance(creator)).toBe(945);

    const purchases = await api("/api/payments/purchases", { token: buyer.token });
    expect(purchases.body.items.map((p: { id: string }) => p.id)).toContain(created.id);

    // payment.completed went through the outbox with the capture: the creator is told, the
    // buyer gets a receipt (delivered by the in-process dispatcher, so poll a moment).
    const notified = async (user: SignedInUser, kind: string) => {
      for (let i = 0; i < 40; i++) {
        const res = await api("/api/notifications", { token: user.token });
        const hit = (res.body.items as Array<{ kind: string; data: Record<string, unknown> }>).find(
          (n) => n.kind === kind,
        );
        if (hit) return hit.data;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return null;
    };
    expect(await notified(creator, "payment_received")).toMatchObject({
      paymentId: created.id,
      amount: 1_050,
      currency: "USD",
    });
    expect(await notified(buyer, "purchase_receipt")).toMatchObject({ paymentId: created.id });
  });

  it("shows a payment to its buyer and creator only", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const stranger = await signUp();
    const paid = await tip(buyer, creator, 300);
    for (const who of [buyer, creator]) {
      const res = await api(`/api/payments/${paid.id}`, { token: who.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: paid.id, status: "captured" });
    }
    expect((await api(`/api/payments/${paid.id}`, { token: stranger.token })).status).toBe(403);
    expect((await api(`/api/payments/${paid.id}`)).status).toBe(401);
    expect((await api("/api/payments/nope", { token: buyer.token })).status).toBe(404);
  });

  it("rounds the fee half up to the cent", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    // 10% of 1.05 is 10.5 cents → 11; of 1.04, 10.4 → 10; of 1.15, 11.5 → 12.
    expect(await tip(buyer, creator, 105)).toMatchObject({ fee: 11, net: 94 });
    expect(await tip(buyer, creator, 104)).toMatchObject({ fee: 10, net: 94 });
    expect(await tip(buyer, creator, 115)).toMatchObject({ fee: 12, net: 103 });
    expect(await balance(creator)).toBe(94 + 94 + 103);
    await expectBalanceMatchesLedger(creator);
  });

  it("keeps balances per currency", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    await tip(buyer, creator, 2_000, "EUR");
    await tip(buyer, creator, 1_000, "GBP");
    expect(await balance(creator, "EUR")).toBe(1_800);
    expect(await balance(creator, "GBP")).toBe(900);
    expect(await balance(creator, "USD")).toBe(0);
    await expectBalanceMatchesLedger(creator);
  });

  it("captures once and credits once when execute is called 10 times at once", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 2_000);
    await approve(created);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => execute(buyer, created.orderId)),
    );
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe("captured");
    }
    expect(new Set(results.map((r) => r.body.paypalCaptureId)).size).toBe(1);
    expect(double.captureCounts.get(created.orderId)).toBe(1);
    expect(await balance(creator)).toBe(1_800);
    const entries = (await ledger(creator)).filter((e) => e.paymentId === created.id);
    expect(entries).toHaveLength(2);
    await expectBalanceMatchesLedger(creator);
  });
});

describe("bad input moves no money", () => {
  it("refuses bad amounts, currencies and parties", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const tipBody = (extra: Record<string, unknown>) => ({
      kind: "tip",
      creatorId: creator.user.id,
      amount: 500,
      currency: "USD",
      ...extra,
    });
    const cases: Array<[unknown, number]> = [
      [tipBody({ amount: -500 }), 400],
      [tipBody({ amount: 0 }), 400],
      [tipBody({ amount: 10.5 }), 400], // fractional cents
      [tipBody({ amount: 1.005 }), 400],
      [tipBody({ amount: "500" }), 400],
      [tipBody({ amount: 99 }), 400], // under 1.00
      [tipBody({ amount: 100_001 }), 400], // over 1,000.00
      [tipBody({ amount: 1e15 }), 400],
      [tipBody({ currency: "JPY" }), 400],
      [tipBody({ currency: "usd" }), 400],
      [tipBody({ creatorId: buyer.user.id }), 422], // tipping yourself
      [tipBody({ creatorId: "no-such-user" }), 404],
      [{ kind: "gift", creatorId: creator.user.id, amount: 500, currency: "USD" }, 400],
      [{ kind: "post_purchase" }, 400],
      [{ kind: "post_purchase", postId: "no-such-post" }, 404],
    ];
    for (const [body, status] of cases) {
      const res = await api("/api/payments/create", { method: "POST", token: buyer.token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBeTypeOf("string");
      expect(res.body.error.message).toBeTypeOf("string");
    }
    const selfTip = await api("/api/payments/create", {
      method: "POST",
      token: buyer.token,
      body: tipBody({ creatorId: buyer.user.id }),
    });
    expect(selfTip.body.error.message).toMatch(/yourself/);

    const anonymous = await api("/api/payments/create", { method: "POST", body: tipBody({}) });
    expect(anonymous.status).toBe(401);
    expect(await ledger(creator)).toHaveLength(0);
    expect(await ledger(buyer)).toHaveLength(0);
  });

  it("refuses executing someone else's order, an unknown one, or one never approved", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const thief = await signUp();
    const created = await orderTip(buyer, creator, 500);
    expect((await execute(buyer, created.orderId)).status).toBe(422); // never approved
    await approve(created);
    const stolen = await execute(thief, created.orderId);
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.code).toBe("forbidden");
    expect((await execute(buyer, "NOSUCHORDER")).status).toBe(404);
    expect((await execute(buyer, "")).status).toBe(400);
    expect(double.captureCounts.get(created.orderId)).toBeUndefined();
    expect(await balance(creator)).toBe(0);
    expect(await ledger(thief)).toHaveLength(0);
  });
});

describe("paid posts", () => {
  const text =
    "Behind the scenes of my new album: every synth patch, the drum kit I built from kitchen " +
    "pans, and the three songs that didn't make the cut, with the demos to prove it.";

  it("locks the post until bought, then unlocks it for the buyer", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const other = await signUp();
    const created = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text, price: { amount: 250, currency: "EUR" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const post = created.body;
    expect(post).toMatchObject({ text, paid: { price: 250, currency: "EUR", unlocked: true } });

    for (const viewer of [buyer.token, undefined]) {
      const locked = await api(`/api/posts/${post.id}`, { token: viewer });
      expect(locked.status).toBe(200);
      expect(locked.body.paid).toMatchObject({ price: 250, currency: "EUR", unlocked: false });
      expect(locked.body.text.length).toBeLessThan(text.length / 2);
      expect(text.startsWith(locked.body.text.replace(/…$/, ""))).toBe(true);
      expect(locked.body.media).toEqual([]);
    }
    expect((await api(`/api/posts/${post.id}/history`, { token: buyer.token })).status).toBe(403);

    const bought = await order(buyer, { kind: "post_purchase", postId: post.id });
    expect(double.orders.get(bought.orderId)?.purchase_units[0]?.amount).toEqual({
      currency_code: "EUR",
      value: "2.50",
    });
    await approve(bought);
    const done = await execute(buyer, bought.orderId);
    expect(done.body).toMatchObject({
      kind: "post_purchase",
      postId: post.id,
      status: "captured",
      amount: 250,
      currency: "EUR",
      fee: 25,
      net: 225,
    });

    const unlocked = await api(`/api/posts/${post.id}`, { token: buyer.token });
    expect(unlocked.body).toMatchObject({ text, paid: { unlocked: true } });
    expect((await api(`/api/posts/${post.id}/history`, { token: buyer.token })).status).toBe(200);
    const stillLocked = await api(`/api/posts/${post.id}`, { token: other.token });
    expect(stillLocked.body.paid.unlocked).toBe(false);
    expect(await balance(author, "EUR")).toBe(225);
    const sales = (await ledger(author)).map((e) => [e.kind, e.amount]).sort();
    expect(sales).toEqual([
      ["fee", -25],
      ["sale", 250],
    ]);

    // Bought already; and the author can't buy their own post.
    const twice = await api("/api/payments/create", {
      method: "POST",
      token: buyer.token,
      body: { kind: "post_purchase", postId: post.id },
    });
    expect(twice.status).toBe(409);
    const own = await api("/api/payments/create", {
      method: "POST",
      token: author.token,
      body: { kind: "post_purchase", postId: post.id },
    });
    expect(own.status).toBe(422);
    expect(own.body.error.message).toMatch(/own post/);
  });

  it("refuses bad prices and buying a free post", async () => {
    const author = await signUp();
    const buyer = await signUp();
    for (const price of [
      { amount: 49, currency: "USD" },
      { amount: 50_001, currency: "USD" },
      { amount: 99.5, currency: "USD" },
      { amount: 500, currency: "XYZ" },
      { amount: 500 },
    ]) {
      const res = await api("/api/posts", {
        method: "POST",
        token: author.token,
        body: { text: "priced wrong", price },
      });
      expect(res.status, JSON.stringify(price)).toBe(400);
    }
    const free = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "free for all" },
    });
    expect(free.body.paid).toBeNull();
    const res = await api("/api/payments/create", {
      method: "POST",
      token: buyer.token,
      body: { kind: "post_purchase", postId: free.body.id },
    });
    expect(res.status).toBe(422);
  });
});

describe("PayPal failures", () => {
  it("answers 503 when order creation fails, and a retry works", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    double.inject({ operation: "create_order", kind: "error" });
    const body = { kind: "tip", creatorId: creator.user.id, amount: 700, currency: "USD" };
    const failed = await api("/api/payments/create", { method: "POST", token: buyer.token, body });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe("payment_provider_unavailable");
    const retried = await api("/api/payments/create", { method: "POST", token: buyer.token, body });
    expect(retried.status).toBe(201);
  });

  it("a 5xx on capture fails cleanly; the retry captures exactly once", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_000);
    await approve(created);
    double.inject({ operation: "capture", kind: "error" });
    double.inject({ operation: "get_order", kind: "error" });
    const failed = await execute(buyer, created.orderId);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe("payment_provider_unavailable");
    expect(await balance(creator)).toBe(0);

    const retried = await execute(buyer, created.orderId);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe("captured");
    expect(double.captureCounts.get(created.orderId)).toBe(1);
    expect(await balance(creator)).toBe(900);
  });

  it("a capture that timed out after PayPal made it is found by reading the order, not captured again", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_000);
    await approve(created);
    // PayPal captures but the answer never arrives, and PayPal stays unreachable for the lookup.
    double.inject({ operation: "capture", kind: "timeout_after" });
    double.inject({ operation: "get_order", kind: "error" });
    const failed = await execute(buyer, created.orderId);
    expect(failed.status).toBe(503);
    expect(await balance(creator)).toBe(0);

    const capturesBefore = double.calls.capture;
    const retried = await execute(buyer, created.orderId);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe("captured");
    // The retry read the order first and found it captured: no new capture call.
    expect(double.calls.capture).toBe(capturesBefore);
    expect(double.captureCounts.get(created.orderId)).toBe(1);
    expect(await balance(creator)).toBe(900);
    await expectBalanceMatchesLedger(creator);
  });

  it("a capture that timed out before PayPal made it is retried once", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_000);
    await approve(created);
    double.inject({ operation: "capture", kind: "timeout" });
    const failed = await execute(buyer, created.orderId);
    expect(failed.status).toBe(503);
    expect(double.orders.get(created.orderId)?.status).toBe("APPROVED");

    const retried = await execute(buyer, created.orderId);
    expect(retried.status).toBe(200);
    expect(double.captureCounts.get(created.orderId)).toBe(1);
    expect(await balance(creator)).toBe(900);
  });
});

describe("payouts", () => {
  async function creatorWithBalance(amount: number) {
    const buyer = await signUp();
    const creator = await signUpVerified();
    await tip(buyer, creator, amount);
    return creator;
  }

  const withdraw = (creator: SignedInUser, amount: number, extra: Record<string, unknown> = {}) =>
    api("/api/payments/payout", {
      method: "POST",
      token: creator.token,
      body: { amount, currency: "USD", ...extra },
    });

  it("pays out, reaches success, and never overdraws under concurrent requests", async () => {
    const creator = await creatorWithBalance(1_000); // 900 net
    const results = await Promise.all(Array.from({ length: 5 }, () => withdraw(creator, 400)));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(2);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("insufficient_funds");
    }
    expect(await balance(creator)).toBe(100);
    await expectBalanceMatchesLedger(creator);

    const payout = ok[0]!.body;
    expect(payout).toMatchObject({ amount: 400, currency: "USD", status: "processing" });
    expect(payout.paypalEmail).toBe(creator.credentials.email);
    const batch = double.payouts.get(payout.paypalBatchId);
    expect(batch?.senderBatchId).toBe(payout.id);
    expect(batch?.amount).toEqual({ currency: "USD", value: "4.00" });

    let status = payout.status;
    for (let i = 0; i < 5 && status !== "success"; i++) {
      const res = await api(`/api/payments/payout/${payout.id}/status`, { token: creator.token });
      expect(res.status).toBe(200);
      status = res.body.status;
    }
    expect(status).toBe("success");
    expect(await balance(creator)).toBe(100);

    const list = await api("/api/payments/payout", { token: creator.token });
    expect(list.body.items).toHaveLength(2);
  });

  it("returns the money when a payout fails", async () => {
    const creator = await creatorWithBalance(2_000); // 1,800 net
    const res = await withdraw(creator, 1_500, { paypalEmail: "elsewhere@example.com" });
    expect(res.status).toBe(201);
    expect(res.body.paypalEmail).toBe("elsewhere@example.com");
    expect(await balance(creator)).toBe(300);
    double.setPayoutOutcome(res.body.id, "FAILED");

    let payout = res.body;
    for (let i = 0; i < 5 && payout.status !== "failed"; i++) {
      payout = (await api(`/api/payments/payout/${res.body.id}/status`, { token: creator.token }))
        .body;
    }
    expect(payout.status).toBe("failed");
    expect(payout.failureReason).toBeTruthy();
    expect(await balance(creator)).toBe(1_800);
    // Refreshing again gives nothing back twice.
    await api(`/api/payments/payout/${res.body.id}/status`, { token: creator.token });
    expect(await balance(creator)).toBe(1_800);
    const kinds = (await ledger(creator))
      .filter((e) => e.payoutId === res.body.id)
      .map((e) => e.kind);
    expect(kinds.sort()).toEqual(["payout_reserved", "payout_reversed"]);
    await expectBalanceMatchesLedger(creator);
  });

  it("refuses payouts over the balance, bad amounts, and other people's payouts", async () => {
    const creator = await creatorWithBalance(500); // 450 net
    const stranger = await signUpVerified();
    const over = await withdraw(creator, 451);
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe("insufficient_funds");
    expect(over.body.error.message).toMatch(/\$4\.50\b/);
    for (const amount of [0, -100, 150.5, 99]) {
      expect((await withdraw(creator, amount)).status).toBe(400);
    }
    expect((await withdraw(creator, 200, { currency: "JPY" })).status).toBe(400);
    expect((await withdraw(creator, 200, { paypalEmail: "not-an-email" })).status).toBe(400);
    expect((await withdraw(stranger, 100)).status).toBe(422);
    expect(await balance(creator)).toBe(450);

    const mine = await withdraw(creator, 450);
    expect(mine.status).toBe(201);
    const peek = await api(`/api/payments/payout/${mine.body.id}/status`, {
      token: stranger.token,
    });
    expect(peek.status).toBe(403);
    expect((await api("/api/payments/payout/nope/status", { token: creator.token })).status).toBe(
      404,
    );
  });

  it("a payout whose answer was lost stays pending and is submitted once when refreshed", async () => {
    const creator = await creatorWithBalance(1_000);
    double.inject({ operation: "create_payout", kind: "timeout_after" });
    const res = await withdraw(creator, 500);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("pending");
    expect(await balance(creator)).toBe(400);

    const refreshed = await api(`/api/payments/payout/${res.body.id}/status`, {
      token: creator.token,
    });
    expect(refreshed.body.status).toBe("processing");
    const batches = [...double.payouts.values()].filter((p) => p.senderBatchId === res.body.id);
    expect(batches).toHaveLength(1);
    expect(refreshed.body.paypalBatchId).toBe(batches[0]!.batchId);
  });
});

describe("webhooks", () => {
  it("refuses forged and unsigned deliveries, moving nothing", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_000);
    const event = {
      id: eventId(),
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: {
        id: "CAPFORGED",
        status: "COMPLETED",
        amount: { currency_code: "USD", value: "10.00" },
        supplementary_data: { related_ids: { order_id: created.orderId } },
      },
    };
    // Signed for another webhook, signed over another body, or not signed at all.
    const forged = double.signWebhook(JSON.stringify(event), "WH-SOMEONE-ELSE");
    expect((await webhook(event, forged)).status).toBe(401);
    const tampered = double.signWebhook(JSON.stringify({ ...event, id: "other" }));
    expect((await webhook(event, tampered)).status).toBe(401);
    const unsigned = await webhook(event, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBe("unauthorized");
    const junk = await api("/api/payments/webhook", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(junk.status).toBe(400);

    expect(await balance(creator)).toBe(0);
    const payment = await api(`/api/payments/${created.id}`, { token: buyer.token });
    expect(payment.body.status).toBe("created");
  });

  it("applies a capture webhook once, however often and concurrently it is delivered", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const created = await orderTip(buyer, creator, 1_000);
    const event = {
      id: eventId(),
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: {
        id: `CAP${randomBytes(6).toString("hex").toUpperCase()}`,
        status: "COMPLETED",
        amount: { currency_code: "USD", value: "10.00" },
        custom_id: created.id,
        supplementary_data: { related_ids: { order_id: created.orderId } },
      },
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => webhook(event)));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(results.filter((r) => r.body.applied)).toHaveLength(1);
    expect(await balance(creator)).toBe(900);

    // A second event for the same capture (PayPal resends with a new id) changes nothing either.
    const resent = await webhook({ ...event, id: eventId() });
    expect(resent.status).toBe(200);
    expect(await balance(creator)).toBe(900);
    expect((await ledger(creator)).filter((e) => e.paymentId === created.id)).toHaveLength(2);
    await expectBalanceMatchesLedger(creator);
  });

  it("applies a refund once, taking the creator's share back", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const paid = await tip(buyer, creator, 2_000); // 1,800 net
    const event = {
      id: eventId(),
      event_type: "PAYMENT.CAPTURE.REFUNDED",
      resource: {
        id: `REF${randomBytes(6).toString("hex").toUpperCase()}`,
        status: "COMPLETED",
        amount: { currency_code: "USD", value: "20.00" },
        links: [
          { rel: "self", href: `${double.url}/v2/payments/refunds/REF1` },
          { rel: "up", href: `${double.url}/v2/payments/captures/${paid.paypalCaptureId}` },
        ],
      },
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => webhook(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.applied)).toHaveLength(1);
    expect(await balance(creator)).toBe(0);
    const payment = await api(`/api/payments/${paid.id}`, { token: buyer.token });
    expect(payment.body).toMatchObject({ status: "refunded", refundedAmount: 2_000 });
    const kinds = (await ledger(creator)).filter((e) => e.paymentId === paid.id).map((e) => e.kind);
    expect(kinds.sort()).toEqual(["fee", "fee_refund", "refund", "tip"]);
    await expectBalanceMatchesLedger(creator);
  });

  it("settles a failed payout item once from webhooks", async () => {
    const buyer = await signUp();
    const creator = await signUpVerified();
    await tip(buyer, creator, 1_000);
    const payout = (
      await api("/api/payments/payout", {
        method: "POST",
        token: creator.token,
        body: { amount: 900, currency: "USD" },
      })
    ).body;
    expect(await balance(creator)).toBe(0);
    const event = {
      id: eventId(),
      event_type: "PAYMENT.PAYOUTS-ITEM.FAILED",
      resource: {
        payout_item_id: "ITEM1",
        payout_batch_id: payout.paypalBatchId,
        transaction_status: "FAILED",
        payout_item: { sender_item_id: payout.id, receiver: creator.credentials.email },
        errors: { name: "RECEIVER_UNREGISTERED", message: "Receiver is unregistered" },
      },
    };
    const results = await Promise.all(Array.from({ length: 4 }, () => webhook(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await webhook({ ...event, id: eventId() });
    expect(await balance(creator)).toBe(900);
    const status = await api(`/api/payments/payout/${payout.id}/status`, { token: creator.token });
    expect(status.body).toMatchObject({
      status: "failed",
      failureReason: "Receiver is unregistered",
    });
    await expectBalanceMatchesLedger(creator);
  });
});
