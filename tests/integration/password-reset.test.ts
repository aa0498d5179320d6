import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api as globalApi, createApiClient, type ApiClient } from "@/tests/support/api-client";
import { poll } from "@/tests/support/poll";
import { firstLink, startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";
import { verifyLinkFor } from "@/tests/support/verify-email";

// Password reset end to end: the app (its own server, SMTP_URL pointing at a real SMTP server in
// this process) mails the link through the outbox; the link sets a new password once.

let sink: SmtpSink;
let server: TestServer;
let client: ApiClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({
    name: "mail",
    // Quick retries, so a 421 is retried within the test.
    env: { ...sink.env, EVENTS_RETRY_BASE_MS: "50", EVENTS_POLL_MS: "100" },
  });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

beforeEach(() => {
  sink.reply = () => 250;
});

// Sign-up mails a verification link too: only reset mails count here.
const mailsTo = (email: string) =>
  sink.messages.filter(
    (mail: ParsedMail) =>
      mail.subject === "Reset your Grover password" &&
      (mail.to && !Array.isArray(mail.to) ? mail.to.value.some((a) => a.address === email) : false),
  );

/** A new user, once their sign-up's verification mail is in: the sink is quiet after this. */
async function signUp() {
  const user = await client.registerAndSignIn();
  await verifyLinkFor(sink, user.credentials.email);
  return user;
}

function requestReset(email: string, from?: string) {
  return client.api("/api/auth/password-reset", {
    method: "POST",
    body: { email },
    ...(from ? { from } : {}),
  });
}

async function resetMail(email: string): Promise<ParsedMail> {
  return poll(async () => mailsTo(email)[0], { what: `a reset mail to ${email}` });
}

const tokenOf = (mail: ParsedMail) => new URL(firstLink(mail)).searchParams.get("token")!;

/** Lets the dispatcher run whatever is due (it polls every 100 ms here). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe("password reset by mail", () => {
  it("mails the account's owner once, with a link that sets a new password and signs out everywhere", async () => {
    const { token: apiToken, credentials } = await signUp();
    const web = await client.webSignIn(credentials.email, credentials.password);
    expect(web.cookie).toBeTruthy();

    const res = await requestReset(credentials.email);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: expect.stringContaining("reset link") });

    const mail = await resetMail(credentials.email);
    expect(mail.subject).toBe("Reset your Grover password");
    expect(mail.text).toContain(server.baseURL);
    expect(mail.html).toContain("Choose a new password");
    const link = new URL(firstLink(mail));
    expect(link.origin).toBe(server.baseURL);
    expect(link.pathname).toBe("/reset-password");
    await settle();
    expect(mailsTo(credentials.email)).toHaveLength(1);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Choose a new password");

    const newPassword = "fresh-Password-42";
    const confirm = await client.api("/api/auth/password-reset/confirm", {
      method: "POST",
      body: { token: tokenOf(mail), password: newPassword },
    });
    expect(confirm.status).toBe(204);

    // Every session and API token of the account is gone.
    expect((await client.api("/api/auth/me", { token: apiToken })).status).toBe(401);
    expect((await client.api("/api/auth/me", { headers: { cookie: web.cookie } })).status).toBe(
      401,
    );
    // The old password no longer works; the new one does.
    expect((await client.signIn(credentials.email, credentials.password)).status).toBe(401);
    const fresh = await client.signIn(credentials.email, newPassword);
    expect(fresh.status).toBe(201);

    // The link works once.
    const again = await client.api("/api/auth/password-reset/confirm", {
      method: "POST",
      body: { token: tokenOf(mail), password: "another-Password-43" },
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: "invalid_reset_token",
      details: { reason: "used" },
    });
  });

  it("refuses an unknown token and a password that breaks the sign-up policy", async () => {
    const unknown = await client.api("/api/auth/password-reset/confirm", {
      method: "POST",
      body: { token: "not-a-real-token", password: "fresh-Password-42" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: "invalid_reset_token",
      message: expect.stringContaining("not valid"),
      details: { reason: "unknown" },
    });

    const weak = await client.api("/api/auth/password-reset/confirm", {
      method: "POST",
      body: { token: "whatever", password: "short" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe("validation_failed");
  });

  it("answers an unknown address the same 202, and mails nobody", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    const before = sink.messages.length;
    const res = await requestReset(email);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: expect.stringContaining("reset link") });
    await settle();
    expect(sink.messages.length).toBe(before);
    expect(sink.replies.length).toBe(before);
  });

  it("retries a mail the server answers 421 and delivers it once", async () => {
    const { credentials } = await signUp();
    const start = sink.replies.length;
    sink.reply = (attempt) => (attempt === start + 1 ? 421 : 250);

    await requestReset(credentials.email);
    await resetMail(credentials.email);
    await settle();
    expect(sink.replies.slice(start)).toEqual([421, 250]);
    expect(mailsTo(credentials.email)).toHaveLength(1);
  });

  it("gives up on a mail the server answers 550, without retrying", async () => {
    const { credentials } = await signUp();
    const start = sink.replies.length;
    sink.reply = () => 550;

    await requestReset(credentials.email);
    await poll(async () => sink.replies.length > start, { what: "the 550" });
    await settle();
    expect(sink.replies.slice(start)).toEqual([550]);
    expect(mailsTo(credentials.email)).toHaveLength(0);
  });

  it("limits requests per email, from any address, and per client address", async () => {
    const { credentials } = await signUp();
    const perEmail = [];
    for (let i = 0; i < 4; i += 1) perEmail.push((await requestReset(credentials.email)).status);
    expect(perEmail).toEqual([202, 202, 202, 429]);

    const from = "127.3.2.1";
    const perIp = [];
    for (let i = 0; i < 11; i += 1) {
      perIp.push((await requestReset(`someone-${i}-${Date.now()}@example.com`, from)).status);
    }
    expect(perIp.slice(0, 10).every((s) => s === 202)).toBe(true);
    const refused = await requestReset(`late-${Date.now()}@example.com`, from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });

  it("reports SMTP mail in /api/health", async () => {
    const res = await client.api("/api/health");
    expect(res.body).toMatchObject({ mail: "smtp", checks: { mail: { status: "ok" } } });
  });
});

describe("production without SMTP_URL", () => {
  it("says mail is off in /api/health, and reset says so instead of pretending", async () => {
    const health = await globalApi("/api/health");
    expect(health.body.mail).toBe("off");
    const res = await globalApi("/api/auth/password-reset", {
      method: "POST",
      body: { email: "ada@example.com" },
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: "mail_unavailable",
      message: expect.stringContaining("can't send email"),
    });
  });
});
