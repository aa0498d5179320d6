import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PayPalDouble } from "@/dev/paypal-double/paypal-double";
import { type ApiClient, type SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { paymentFlow } from "@/tests/support/payment-flow";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";

// Money that can't be doubled: a paid post bought once however many orders the buyer opens, a
// refund applied once whatever event id carries it, and Idempotency-Key on payments and payouts.
// The app talks to the local PayPal double (as payments.test.ts does), on a database this file
// reads directly to check what was recorded and to age an order past PayPal's 3 hours.
let double: PayPalDouble;
let database: AppDatabase;
let client: ApiClient;
let stop: PayPalApp["stop"];
let app: PayPalApp;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();

beforeAll(async () => {
  database = await createAppDatabase();
  ({ double, client, stop } = app = await startPayPalApp("payments-once", {
    ...database.env,
    PAYPAL_TIMEOUT_MS: "1000",
  }));
}, 180_000);

afterAll(async () => {
  await stop?.();
  await database?.drop();
});

const { create, order, approve, execute, tip, balance } = paymentFlow(api);

type Entry = { kind: string; amount: number; paymentId: string | null };
async function ledger(user: SignedInUser): Promise<Entry[]> {
  const res = await api("/api/payments/ledger?limit=100", { token: user.token });
  expect(res.status).toBe(200);
  return res.body.items as Entry[];
}

const sum = (entries: Entry[], kind: string) =>
  entries.filter((e) => e.kind === kind).reduce((total, e) => total + e.amount, 0);

async function paidPost(author: SignedInUser, amount = 500) {
  const res = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: `Paid notes ${randomUUID()}`, price: { amount, currency: "USD" } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** An order made over 3 hours ago: PayPal would have cancelled it, so it is not answered again. */
const age = (paymentId: string) =>
  database.query(
    `UPDATE "Payment" SET "createdAt" = "createdAt" - interval '4 hours' WHERE "id" = $1`,
    [paymentId],
  );

describe("a paid post is bought once", () => {
  it("answers the open order when the buyer orders the same post again, even at once", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const post = await paidPost(author);
    const first = await order(buyer, { kind: "post_purchase", postId: post.id });
    const again = await order(buyer, { kind: "post_purchase", postId: post.id });
    expect(again).toMatchObject({ id: first.id, orderId: first.orderId });
    expect(again.approvalUrl).toBe(first.approvalUrl);

    const other = await paidPost(author);
    const both = await Promise.all(
      [1, 2].map(() => order(buyer, { kind: "post_purchase", postId: other.id })),
    );
    expect(both[1]!.orderId).toBe(both[0]!.orderId);
    const rows = await database.query(
      `SELECT count(*)::int AS n FROM "Payment" WHERE "buyerId" = $1`,
      [buyer.user.id],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it("captures one of two approved orders executed at once; the other takes no money", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const post = await paidPost(author, 500); // 450 net of the 10% fee
    const first = await order(buyer, { kind: "post_purchase", postId: post.id });
    await age(first.id);
    const second = await order(buyer, { kind: "post_purchase", postId: post.id });
    expect(second.orderId).not.toBe(first.orderId);
    await approve(first);
    await approve(second);

    const results = await Promise.all([
      execute(buyer, first.orderId),
      execute(buyer, second.orderId),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([200, 409]);
    const won = results.find((r) => r.status === 200)!;
    const lost = results.find((r) => r.status === 409)!;
    expect(won.body).toMatchObject({ kind: "post_purchase", postId: post.id, status: "captured" });
    expect(lost.body.error.code).toBe("conflict");
    expect(lost.body.error.message).toMatch(/already bought|not charged/);

    // PayPal captured one order; the other stays approved and is never captured.
    const winner = won.body.id === first.id ? first : second;
    const loser = winner === first ? second : first;
    expect(double.captureCounts.get(winner.orderId)).toBe(1);
    expect(double.captureCounts.get(loser.orderId)).toBeUndefined();
    expect(double.orders.get(loser.orderId)?.status).toBe("APPROVED");

    // What the buyer and the creator see: one purchase, credited once.
    const purchases = await api("/api/payments/purchases", { token: buyer.token });
    expect(
      purchases.body.items.filter((p: { postId: string }) => p.postId === post.id),
    ).toHaveLength(1);
    expect(await balance(author)).toBe(450);
    const entries = await ledger(author);
    expect(sum(entries, "sale")).toBe(500);
    expect(sum(entries, "fee")).toBe(-50);
    const unlocked = await api(`/api/posts/${post.id}`, { token: buyer.token });
    expect(unlocked.body.paid.unlocked).toBe(true);

    // Executing the other order again still takes nothing; ordering again is refused.
    expect((await execute(buyer, loser.orderId)).status).toBe(409);
    expect(double.captureCounts.get(loser.orderId)).toBeUndefined();
    expect((await create(buyer, { kind: "post_purchase", postId: post.id })).status).toBe(409);
    const captured = await database.query(
      `SELECT count(*)::int AS n FROM "Payment" WHERE "buyerId" = $1 AND "status" = 'captured'`,
      [buyer.user.id],
    );
    expect(captured[0]!.n).toBe(1);
  });

  it("the database refuses a second captured purchase of one post by one buyer", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const post = await paidPost(author);
    const first = await order(buyer, { kind: "post_purchase", postId: post.id });
    await approve(first);
    expect((await execute(buyer, first.orderId)).status).toBe(200);
    await expect(
      database.query(
        `INSERT INTO "Payment" ("id", "buyerId", "creatorId", "kind", "postId", "amount",
           "currency", "fee", "status", "updatedAt")
         VALUES ($1, $2, $3, 'post_purchase', $4, 500, 'USD', 50, 'captured', now())`,
        [`dup-${randomUUID()}`, buyer.user.id, author.user.id, post.id],
      ),
    ).rejects.toThrow(/Payment_one_purchase_key/);
  });

  it("an execute PayPal refuses before approval gives the purchase back to the buyer", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const post = await paidPost(author);
    const first = await order(buyer, { kind: "post_purchase", postId: post.id });
    const early = await execute(buyer, first.orderId);
    expect(early.status).toBe(422);
    await age(first.id);
    const second = await order(buyer, { kind: "post_purchase", postId: post.id });
    await approve(second);
    const done = await execute(buyer, second.orderId);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe("captured");
  });
});

describe("a refund is applied once per PayPal refund", () => {
  function refundEvent(refundId: string, captureId: string, value: string) {
    return {
      id: `WH-${randomBytes(8).toString("hex").toUpperCase()}`,
      event_type: "PAYMENT.CAPTURE.REFUNDED",
      resource: {
        id: refundId,
        status: "COMPLETED",
        amount: { currency_code: "USD", value },
        links: [
          { rel: "self", href: `${double.url}/v2/payments/refunds/${refundId}` },
          { rel: "up", href: `${double.url}/v2/payments/captures/${captureId}` },
        ],
      },
    };
  }

  function deliver(event: Record<string, unknown>) {
    const body = JSON.stringify(event);
    return api("/api/payments/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...double.signWebhook(body) },
    });
  }

  it("counts the same refund under three event ids once, then a second refund exactly", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const paid = await tip(buyer, creator, 2_000); // 1,800 net of a 200 fee
    const first = `REF${randomBytes(6).toString("hex").toUpperCase()}`;

    // PayPal redelivers one refund under new event ids: one at a time, then two at once.
    const replies = [await deliver(refundEvent(first, paid.paypalCaptureId, "5.00"))];
    replies.push(
      ...(await Promise.all(
        [1, 2].map(() => deliver(refundEvent(first, paid.paypalCaptureId, "5.00"))),
      )),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.body.applied)).toEqual([true, false, false]);
    let payment = await api(`/api/payments/${paid.id}`, { token: buyer.token });
    expect(payment.body).toMatchObject({ status: "captured", refundedAmount: 500 });
    let entries = (await ledger(creator)).filter((e) => e.paymentId === paid.id);
    expect(sum(entries, "refund")).toBe(-500);
    expect(sum(entries, "fee_refund")).toBe(50);
    expect(await balance(creator)).toBe(1_350);

    // A second, genuine refund of the rest is applied in full, not clamped by the replays.
    const second = `REF${randomBytes(6).toString("hex").toUpperCase()}`;
    const rest = await deliver(refundEvent(second, paid.paypalCaptureId, "15.00"));
    expect(rest.body.applied).toBe(true);
    payment = await api(`/api/payments/${paid.id}`, { token: buyer.token });
    expect(payment.body).toMatchObject({ status: "refunded", refundedAmount: 2_000 });
    entries = (await ledger(creator)).filter((e) => e.paymentId === paid.id);
    expect(sum(entries, "refund")).toBe(-2_000);
    expect(sum(entries, "fee_refund")).toBe(200);
    expect(entries).toHaveLength(6); // tip, fee, and a refund and fee_refund per refund
    expect(await balance(creator)).toBe(0);
    const refunds = await database.query<{ paypalRefundId: string; amount: number }>(
      `SELECT "paypalRefundId", "amount" FROM "Refund" WHERE "paymentId" = $1 ORDER BY "amount"`,
      [paid.id],
    );
    expect(refunds).toEqual([
      { paypalRefundId: first, amount: 500 },
      { paypalRefundId: second, amount: 1_500 },
    ]);
  });
});

describe("Idempotency-Key on payments", () => {
  it("a retried create answers the first order and opens no second one", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const body = { kind: "tip", creatorId: creator.user.id, amount: 700, currency: "USD" };
    const key = randomUUID();
    const orders = double.calls.create_order;
    const first = await create(buyer, body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await create(buyer, body, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(double.calls.create_order).toBe(orders + 1);

    const other = await create(buyer, { ...body, amount: 800 }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    // Without a key, the same body is a new tip.
    const fresh = await create(buyer, body);
    expect(fresh.body.id).not.toBe(first.body.id);
    const rows = await database.query(
      `SELECT count(*)::int AS n FROM "Payment" WHERE "buyerId" = $1`,
      [buyer.user.id],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it("a retried payout pays once, even when the retries arrive at once", async () => {
    const buyer = await signUp();
    // Payouts need a confirmed address.
    const creator = await app.signUpVerified();
    await tip(buyer, creator, 1_000); // 900 net
    const key = randomUUID();
    const withdraw = (amount: number) =>
      api("/api/payments/payout", {
        method: "POST",
        token: creator.token,
        body: { amount, currency: "USD" },
        headers: { "idempotency-key": key },
      });
    const results = await Promise.all([1, 2, 3].map(() => withdraw(300)));
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // A duplicate still in flight is told so (409); none is run beside the first.
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.headers.get("retry-after")).toBe("1");
    }
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    const retry = await withdraw(300);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(ok[0]!.body.id);
    expect(await balance(creator)).toBe(600);
    expect((await withdraw(200)).status).toBe(422);
    const list = await api("/api/payments/payout", { token: creator.token });
    expect(list.body.items).toHaveLength(1);
  });
});
