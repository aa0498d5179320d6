import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api as globalApi,
  registerAndSignIn as globalSignUp,
  uniqueUser,
  webSignIn as globalWebSignIn,
  type ApiClient,
  type SignedInUser,
} from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";
import { poll } from "@/tests/support/poll";
import { firstLink, type SmtpSink } from "@/tests/support/smtp-sink";
import { mailsTo, verifyLinkFor } from "@/tests/support/verify-email";

// Email verification and email change end to end: the app (its own server, with PayPal on the
// local double so payouts get past configuration, and mail to an SMTP sink in this process)
// mails links through the outbox; following them confirms or switches the address. The
// database is this file's, to age a link past its 24 hours.

let app: PayPalApp;
let client: ApiClient;
let sink: SmtpSink;
let database: AppDatabase;

beforeAll(async () => {
  database = await createAppDatabase();
  app = await startPayPalApp("email-verification", {
    ...database.env,
    EVENTS_RETRY_BASE_MS: "50",
    EVENTS_POLL_MS: "100",
  });
  ({ client, sink } = app);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** Lets the dispatcher run whatever is due (it polls every 100 ms here). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

const me = async (user: SignedInUser) =>
  (await client.api("/api/auth/me", { token: user.token })).body as {
    email: string;
    emailVerified: boolean;
  };

const confirm = (token: string | null) =>
  client.api("/api/auth/email-verification/confirm", { method: "POST", body: { token } });

const resend = (user: SignedInUser) =>
  client.api("/api/auth/email-verification", { method: "POST", token: user.token });

/** Opens a mailed link as a browser without scripts would: where it leads, and that page. */
async function open(link: URL) {
  const res = await fetch(link, { redirect: "manual" });
  expect(res.status).toBe(307);
  const location = new URL(res.headers.get("location")!, link);
  const page = await fetch(location);
  expect(page.status).toBe(200);
  return { location, html: await page.text() };
}

const withdraw = (user: SignedInUser) =>
  client.api("/api/payments/payout", {
    method: "POST",
    token: user.token,
    body: { amount: 100, currency: "USD" },
  });

describe("verification on sign-up", () => {
  it("mails one link to the new address; opening it confirms the address, once", async () => {
    const user = await client.registerAndSignIn();
    const { email } = user.credentials;
    expect(user.user.emailVerified).toBe(false);
    expect(await me(user)).toMatchObject({ email, emailVerified: false });

    const link = await verifyLinkFor(sink, email);
    const [mail] = mailsTo(sink, email);
    expect(mail!.subject).toBe("Confirm your email address for Grover");
    expect(mail!.html).toContain("Confirm my email address");
    expect(link.origin).toBe(app.server.baseURL);
    expect(link.pathname).toBe("/verify-email");
    await settle();
    expect(mailsTo(sink, email)).toHaveLength(1);

    const opened = await open(link);
    expect(opened.location.pathname).toBe("/verify-email/result");
    expect(opened.location.searchParams.get("status")).toBe("verified");
    expect(opened.html).toContain("Your email address is confirmed");
    expect(await me(user)).toMatchObject({ email, emailVerified: true });

    // The link works once, in the browser and over the API.
    const again = await open(link);
    expect(again.location.searchParams.get("status")).toBe("used");
    expect(again.html).toContain("already used");
    const api = await confirm(link.searchParams.get("token"));
    expect(api.status).toBe(400);
    expect(api.body.error).toMatchObject({
      code: "invalid_verification_token",
      details: { reason: "used" },
    });
  });

  it("refuses an expired link and an unknown one with a clear reason", async () => {
    const user = await client.registerAndSignIn();
    const link = await verifyLinkFor(sink, user.credentials.email);
    await database.query(
      `UPDATE "EmailVerification" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1`,
      [user.user.id],
    );
    const expired = await confirm(link.searchParams.get("token"));
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({
      code: "invalid_verification_token",
      message: expect.stringContaining("expired"),
      details: { reason: "expired" },
    });
    expect((await open(link)).html).toContain("This link has expired");
    expect((await me(user)).emailVerified).toBe(false);

    const unknown = await confirm("not-a-real-token");
    expect(unknown.body.error).toMatchObject({ details: { reason: "unknown" } });
    const page = await open(new URL("/verify-email?token=nope", app.server.baseURL));
    expect(page.html).toContain("not valid");
  });

  it("resends a new link (the old one stops working), 3 an hour, and 409 once verified", async () => {
    const user = await client.registerAndSignIn();
    const { email } = user.credentials;
    const first = await verifyLinkFor(sink, email);

    const res = await resend(user);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ email, message: expect.stringContaining(email) });
    const second = await verifyLinkFor(sink, email, 1);
    expect(second.href).not.toBe(first.href);
    const old = await confirm(first.searchParams.get("token"));
    expect(old.body.error).toMatchObject({ details: { reason: "used" } });

    expect([(await resend(user)).status, (await resend(user)).status]).toEqual([202, 202]);
    const limited = await resend(user);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();

    const newest = await verifyLinkFor(sink, email, 3);
    expect((await confirm(newest.searchParams.get("token"))).status).toBe(200);
    const done = await resend(user);
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe("already_verified");
    // Unsigned: 401.
    expect((await client.api("/api/auth/email-verification", { method: "POST" })).status).toBe(401);
  });
});

describe("payouts", () => {
  it("are refused with 403 email_not_verified until the address is confirmed", async () => {
    const user = await client.registerAndSignIn();
    const refused = await withdraw(user);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "email_not_verified",
      message: expect.stringContaining("Confirm your email"),
    });

    const link = await verifyLinkFor(sink, user.credentials.email);
    expect((await confirm(link.searchParams.get("token"))).body).toEqual({
      kind: "verify",
      email: user.credentials.email,
    });
    // Past the gate: now it's the (empty) balance that says no.
    const after = await withdraw(user);
    expect(after.status).toBe(422);
    expect(after.body.error.code).toBe("insufficient_funds");
  });
});

describe("changing the email address", () => {
  const change = (user: SignedInUser, body: Record<string, unknown>) =>
    client.api("/api/users/me/email", { method: "POST", token: user.token, body });

  it("mails both addresses and switches only when the new one confirms", async () => {
    const user = await app.signUpVerified();
    const oldEmail = user.credentials.email;
    const newEmail = uniqueUser().email;

    const wrong = await change(user, { email: newEmail, password: "not-my-password-1" });
    expect(wrong.status).toBe(403);
    const taken = await change(user, {
      email: (await client.registerAndSignIn()).credentials.email,
      password: user.credentials.password,
    });
    expect(taken.status).toBe(409);

    const res = await change(user, { email: newEmail, password: user.credentials.password });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ pendingEmail: newEmail });

    const link = await verifyLinkFor(sink, newEmail);
    const [toNew] = mailsTo(sink, newEmail);
    expect(toNew!.subject).toBe("Confirm your new email address for Grover");
    const notice = await poll(
      async () => mailsTo(sink, oldEmail).find((m) => m.subject?.includes("about to change")),
      { what: "the notice to the old address" },
    );
    expect(notice.subject).toBe("Your Grover email address is about to change");
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain("change your password");
    expect(firstLink(notice)).toContain("/forgot-password");

    // Not switched before the link is followed.
    expect(await me(user)).toMatchObject({ email: oldEmail, emailVerified: true });
    expect((await client.signIn(newEmail, user.credentials.password)).status).toBe(401);

    const opened = await open(link);
    expect(opened.location.searchParams.get("status")).toBe("changed");
    expect(await me(user)).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await client.signIn(newEmail, user.credentials.password)).status).toBe(201);
    expect((await client.signIn(oldEmail, user.credentials.password)).status).toBe(401);
    expect((await open(link)).location.searchParams.get("status")).toBe("used");
  });

  it("answers 409 when another account took the address before the link was followed", async () => {
    const user = await app.signUpVerified();
    const wanted = uniqueUser();
    expect(
      (await change(user, { email: wanted.email, password: user.credentials.password })).status,
    ).toBe(202);
    const link = await verifyLinkFor(sink, wanted.email);
    await client.registerAndSignIn(wanted);

    const res = await confirm(link.searchParams.get("token"));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect((await me(user)).email).toBe(user.credentials.email);
  });
});

describe("production without SMTP_URL", () => {
  it("signs up anyway; resend and change say mail is unavailable, and so does the banner", async () => {
    const user = await globalSignUp();
    expect(user.user.emailVerified).toBe(false);
    const res = await globalApi("/api/auth/email-verification", {
      method: "POST",
      token: user.token,
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: "mail_unavailable",
      message: expect.stringContaining("can't send email"),
    });

    const change = await globalApi("/api/users/me/email", {
      method: "POST",
      token: user.token,
      body: { email: uniqueUser().email, password: user.credentials.password },
    });
    expect(change.status).toBe(503);
    expect(change.body.error.code).toBe("mail_unavailable");

    const { cookie } = await globalWebSignIn(user.credentials.email, user.credentials.password);
    const home = await globalApi("/", { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(home.body).toContain("mail is unavailable");
  });
});
