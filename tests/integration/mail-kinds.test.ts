import { randomBytes, randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PayPalDouble } from "@/dev/paypal-double/paypal-double";
import type { ApiClient, SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { paymentFlow } from "@/tests/support/payment-flow";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";
import { poll } from "@/tests/support/poll";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { signUpVerified } from "@/tests/support/verify-email";

// The mail people expect from money, exports and follows, and the per-kind email settings every
// sender honours: the app on the PayPal double (as payments.test.ts), its SMTP_URL pointing at a
// real SMTP server in this process, on a database this file reads to check the outbox.
let sink: SmtpSink;
let database: AppDatabase;
let double: PayPalDouble;
let client: ApiClient;
let baseURL: string;
let stop: PayPalApp["stop"];
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await createAppDatabase();
  let server: PayPalApp["server"];
  ({ double, client, stop, server } = await startPayPalApp("mail-kinds", {
    ...database.env,
    ...sink.env,
    PAYPAL_TIMEOUT_MS: "1000",
    EVENTS_RETRY_BASE_MS: "50",
    EVENTS_POLL_MS: "100",
  }));
  baseURL = server.baseURL;
}, 180_000);

afterAll(async () => {
  await stop?.();
  await database?.drop();
  await sink?.stop();
});

afterEach(() => double.clearFaults());

const { tip, buy, balance } = paymentFlow(api);

// Every account is mailed a link to confirm its address at sign-up; these tests count the rest.
const mailsTo = (user: SignedInUser) =>
  sink.messages.filter(
    (mail: ParsedMail) =>
      !/^Confirm your email address/.test(mail.subject ?? "") &&
      (mail.to && !Array.isArray(mail.to)
        ? mail.to.value.some((a) => a.address === user.credentials.email)
        : false),
  );

const mailTo = (user: SignedInUser, subject: RegExp) =>
  poll(async () => mailsTo(user).find((mail) => subject.test(mail.subject ?? "")), {
    timeoutMs: 15_000,
    what: `a mail ${subject} to ${user.credentials.email}`,
  });

/** Lets the dispatcher run whatever is due (it polls every 100 ms here). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** A raw header's value, as sent ("<https://...>"). */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

function unsubscribeLink(mail: ParsedMail): string {
  const value = header(mail, "List-Unsubscribe");
  const match = value?.match(/<(https?:\/\/[^>]+)>/);
  if (!match) throw new Error(`no List-Unsubscribe link in "${mail.subject}": ${value}`);
  return match[1]!;
}

async function emailKinds(user: SignedInUser) {
  const res = await api("/api/notifications/settings", { token: user.token });
  expect(res.status).toBe(200);
  return res.body.emailKinds as Record<string, boolean>;
}

const setEmailKinds = (user: SignedInUser, emailKinds: Record<string, boolean>) =>
  api("/api/notifications/settings", { method: "PUT", token: user.token, body: { emailKinds } });

function webhook(event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  return api("/api/payments/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...double.signWebhook(body) },
  });
}

describe("payment mail", () => {
  it("sends the buyer one receipt and the creator one 'you were tipped', however often the capture is replayed", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    const paid = await tip(buyer, creator, 1_250);

    const receipt = await mailTo(buyer, /^Receipt/);
    expect(receipt.subject).toBe(
      `Receipt: your $12.50 tip to ${creator.user.displayName} (@${creator.user.username})`,
    );
    expect(receipt.text).toContain("Amount: $12.50");
    expect(receipt.text).toContain("Total charged: $12.50. No fees were added");
    expect(receipt.text).toContain(paid.id);
    expect(receipt.text).toContain(`${baseURL}/purchases`);
    expect(receipt.html).toContain("$12.50");
    expect(receipt.html).toContain("Grover");

    const tipped = await mailTo(creator, /tipped you/);
    expect(tipped.subject).toBe(
      `${buyer.user.displayName} (@${buyer.user.username}) tipped you $12.50`,
    );
    // 10% fee: the creator is told what they keep.
    expect(tipped.text).toContain("fee of $1.25, $11.25 is added to your balance");
    expect(tipped.text).toContain(`${baseURL}/earnings`);

    // PayPal's webhook for the same capture, twice and under a new event id: nothing moves again.
    const event = {
      id: `WH-${randomBytes(8).toString("hex").toUpperCase()}`,
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: {
        id: paid.paypalCaptureId,
        status: "COMPLETED",
        amount: { currency_code: "USD", value: "12.50" },
        custom_id: paid.id,
      },
    };
    expect((await webhook(event)).status).toBe(200);
    expect((await webhook({ ...event, id: `${event.id}-2` })).status).toBe(200);
    await settle();
    expect(mailsTo(buyer)).toHaveLength(1);
    expect(mailsTo(creator)).toHaveLength(1);
    expect(await balance(creator)).toBe(1_125);
  });

  it("says what was bought when a paid post is bought, and links to it", async () => {
    const buyer = await signUp();
    const author = await signUp();
    const text = `Field notes on lichens ${randomUUID()}`;
    const post = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text, price: { amount: 300, currency: "USD" } },
    });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    await buy(buyer, post.body.id);

    const receipt = await mailTo(buyer, /^Receipt/);
    expect(receipt.subject).toBe(
      `Receipt: you bought a post by ${author.user.displayName} (@${author.user.username}) for $3.00`,
    );
    expect(receipt.text).toContain(`What: The post “${text}”`);
    expect(receipt.text).toContain(`Read the post: ${baseURL}/p/${post.body.id}`);

    const sold = await mailTo(author, /bought your post/);
    expect(sold.text).toContain(`You sold your post “${text}”`);
  });

  it("sends no 'you were tipped' once the creator switches that mail off; the receipt still goes", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    expect(await emailKinds(creator)).toEqual({
      receipts: true,
      payments_received: true,
      payouts: true,
      new_follower: false,
    });
    const off = await setEmailKinds(creator, { payments_received: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.emailKinds).toMatchObject({ payments_received: false, payouts: true });
    // Changing the email kinds leaves the muted kinds alone, and the other way round.
    await api("/api/notifications/settings", {
      method: "PUT",
      token: creator.token,
      body: { mutedKinds: ["like"] },
    });
    expect(await emailKinds(creator)).toMatchObject({ payments_received: false });

    await tip(buyer, creator, 500);
    await mailTo(buyer, /^Receipt/);
    await settle();
    expect(mailsTo(creator)).toHaveLength(0);
  });
});

describe("unsubscribing", () => {
  it("carries List-Unsubscribe with one-click POST, whose signed link switches that kind off without signing in", async () => {
    const buyer = await signUp();
    const creator = await signUp();
    await tip(buyer, creator, 400);
    const receipt = await mailTo(buyer, /^Receipt/);

    expect(header(receipt, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = unsubscribeLink(receipt);
    expect(new URL(link).origin).toBe(baseURL);
    expect(receipt.text).toContain(`Stop these emails: ${link}`);
    expect(receipt.text).toContain(`${baseURL}/notifications#email-settings`);

    // The link's signature is made when the mail is rendered: the outbox never held it.
    const token = new URL(link).searchParams.get("token")!;
    const outbox = await database.query<{ payload: unknown }>(
      `SELECT payload FROM "OutboxEvent" WHERE name = 'email.requested'`,
    );
    expect(outbox.length).toBeGreaterThan(0);
    for (const row of outbox) expect(JSON.stringify(row.payload)).not.toContain(token);

    // Opening it (a person, or a link scanner) changes nothing: it leads to a page that asks.
    const opened = await fetch(link, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(/^\/unsubscribe\?token=/);
    const page = await fetch(new URL(opened.headers.get("location")!, baseURL));
    expect(page.status).toBe(200);
    // React separates adjacent text with empty comments; a browser shows one sentence.
    const html = (await page.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Stop the emails about receipts for my payments?");
    expect((await emailKinds(buyer)).receipts).toBe(true);

    // A mail client's one-click button: no cookie, no token but the link's.
    const clicked = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ kind: "receipts", email: false });
    expect(await emailKinds(buyer)).toMatchObject({ receipts: false, payouts: true });

    // A forged link, or this one turned to another kind, switches nothing off.
    for (const other of [
      token.replace(/\.[^.]+$/, ".forged"),
      token.replace(".receipts.", ".payouts."),
    ]) {
      const forged = new URL(link);
      forged.searchParams.set("token", other);
      const refused = await fetch(forged, { method: "POST" });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.code).toBe("bad_request");
    }
    expect(await emailKinds(buyer)).toMatchObject({ receipts: false, payouts: true });

    // The next tip: the creator is told, the buyer gets no receipt.
    await tip(buyer, creator, 300);
    await poll(async () => mailsTo(creator).length === 2, { what: "the second tipped mail" });
    await settle();
    expect(mailsTo(buyer)).toHaveLength(1);
  });
});

describe("payout mail", () => {
  const withdraw = (creator: SignedInUser, amount: number, extra: Record<string, unknown> = {}) =>
    api("/api/payments/payout", {
      method: "POST",
      token: creator.token,
      body: { amount, currency: "USD", ...extra },
    });

  async function creatorWithBalance(amount: number) {
    const buyer = await signUp();
    // Payouts need a confirmed address.
    const creator = await signUpVerified(client, sink);
    await tip(buyer, creator, amount);
    await mailTo(creator, /tipped you/);
    return creator;
  }

  async function refreshUntil(creator: SignedInUser, payoutId: string, status: string) {
    return poll(
      async () => {
        const res = await api(`/api/payments/payout/${payoutId}/status`, { token: creator.token });
        return res.body.status === status ? res.body : null;
      },
      { what: `payout ${payoutId} to be ${status}` },
    );
  }

  it("tells the creator once when a payout is sent", async () => {
    const creator = await creatorWithBalance(1_000);
    const res = await withdraw(creator, 400);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await refreshUntil(creator, res.body.id, "success");
    await refreshUntil(creator, res.body.id, "success");

    const sent = await mailTo(creator, /payout/);
    expect(sent.subject).toBe("Your payout of $4.00 was sent");
    expect(sent.text).toContain(`We sent $4.00 to the PayPal account ${creator.credentials.email}`);
    expect(sent.text).toContain(`${baseURL}/earnings`);
    expect(header(sent, "List-Unsubscribe")).toBeTruthy();
    await settle();
    expect(mailsTo(creator).filter((m) => /payout/.test(m.subject ?? ""))).toHaveLength(1);
  });

  it("tells the creator once when a payout fails, and why", async () => {
    const creator = await creatorWithBalance(2_000);
    const res = await withdraw(creator, 1_500, { paypalEmail: "elsewhere@example.com" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    double.setPayoutOutcome(res.body.id, "FAILED");
    await refreshUntil(creator, res.body.id, "failed");
    await api(`/api/payments/payout/${res.body.id}/status`, { token: creator.token });

    const failed = await mailTo(creator, /payout/);
    expect(failed.subject).toBe("Your payout of $15.00 failed");
    expect(failed.text).toContain("elsewhere@example.com");
    expect(failed.text).toContain("The $15.00 is back in your balance");
    await settle();
    expect(mailsTo(creator).filter((m) => /payout/.test(m.subject ?? ""))).toHaveLength(1);
  });

  it("sends no payout mail to a creator who switched it off", async () => {
    const creator = await creatorWithBalance(1_000);
    expect((await setEmailKinds(creator, { payouts: false })).status).toBe(200);
    const res = await withdraw(creator, 300);
    await refreshUntil(creator, res.body.id, "success");
    await settle();
    expect(mailsTo(creator).filter((m) => /payout/.test(m.subject ?? ""))).toHaveLength(0);
  });
});

describe("account and social mail", () => {
  it("mails 'your data export is ready' once, with no unsubscribe (the user asked for it)", async () => {
    const user = await signUp();
    const asked = await api("/api/users/me/export", { method: "POST", token: user.token });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const ready = await mailTo(user, /export is ready/);
    expect(ready.subject).toBe("Your Grover data export is ready");
    expect(ready.text).toContain(`Download your archive: ${baseURL}/settings/account`);
    expect(header(ready, "List-Unsubscribe")).toBeUndefined();
    await settle();
    expect(mailsTo(user)).toHaveLength(1);
  });

  it("mails a new follower only to those who switched it on, and never to a suspended account", async () => {
    const follower = await signUp();
    const quiet = await signUp();
    const keen = await signUp();
    const suspended = await signUp();
    for (const user of [keen, suspended]) {
      expect((await setEmailKinds(user, { new_follower: true })).status).toBe(200);
    }
    await database.query(`UPDATE "User" SET "suspendedAt" = now() WHERE id = $1`, [
      suspended.user.id,
    ]);
    for (const user of [quiet, keen, suspended]) {
      const res = await api(`/api/users/${user.user.id}/follow`, {
        method: "POST",
        token: follower.token,
      });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }

    const mail = await mailTo(keen, /followed you/);
    expect(mail.subject).toBe(
      `${follower.user.displayName} (@${follower.user.username}) followed you`,
    );
    expect(mail.text).toContain(`${baseURL}/u/${follower.user.username}`);
    await settle();
    expect(mailsTo(quiet)).toHaveLength(0);
    expect(mailsTo(suspended)).toHaveLength(0);
  });
});
