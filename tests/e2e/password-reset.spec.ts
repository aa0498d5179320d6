// Forgot password → the link from the mail → a new password → signed in, every other session
// gone. Mail goes to a real SMTP server the Playwright global setup runs; it writes each message
// to TEST_MAIL_DIR, read here with mailparser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { poll } from "../support/poll";
import { fillSignIn } from "./account-forms";
import { expect, test, type Page } from "./fixtures";

/** The reset link in the mail to `email`, once it has arrived. */
async function resetLinkFor(email: string): Promise<string> {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error("TEST_MAIL_DIR is unset: run against the global setup's server");
  return poll(
    async () => {
      for (const name of readdirSync(dir).filter((file) => file.endsWith(".eml"))) {
        const mail = await simpleParser(readFileSync(path.join(dir, name)));
        const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
        // Sign-up mailed a verification link to the same address: skip to the reset mail.
        const link = mail.text?.match(/https?:\/\/\S+\/reset-password\?\S+/)?.[0];
        if (to === email && link) return link;
      }
      return undefined;
    },
    { timeoutMs: 15_000, what: `the reset mail to ${email}` },
  );
}

async function askForReset(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Forgot your password?" }),
  ).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "a reset link is on its way" }),
  ).toBeVisible();
}

async function setNewPassword(page: Page, link: string, password: string) {
  // The mail's link, on this test's server (the same origin, NEXTAUTH_URL).
  await page.goto(link);
  await expect(
    page.getByRole("heading", { level: 1, name: "Choose a new password" }),
  ).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Your password is changed" }),
  ).toBeVisible();
}

async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("forgot password → mail link → new password → signed in, other sessions gone", async ({
    page,
    newUser,
    pageAs,
    api,
  }) => {
    const owner = await newUser();
    const elsewhere = await pageAs(owner);
    await elsewhere.goto("/");
    expect((await elsewhere.request.get("/api/auth/me")).status()).toBe(200);

    await askForReset(page, owner.credentials.email);
    await expectNoSideScroll(page);
    const link = await resetLinkFor(owner.credentials.email);
    const password = "brand-New-Password-7";
    await setNewPassword(page, link, password);
    await expectNoSideScroll(page);

    await fillSignIn(page, { email: owner.credentials.email, password });
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 15_000 });
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).username).toBe(owner.credentials.username);

    // The other browser's session and the API token died with the old password.
    expect((await elsewhere.request.get("/api/auth/me")).status()).toBe(401);
    expect((await api("/api/auth/me", { token: owner.token })).status).toBe(401);

    // The link worked once.
    await page.goto(link);
    await page.getByLabel("New password").fill("another-Password-8");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();
  });
});

test.describe("without scripts, at 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });

  test("the forgot and reset forms post and work", async ({ page, newUser }) => {
    const owner = await newUser();
    await askForReset(page, owner.credentials.email);
    await expectNoSideScroll(page);
    const link = await resetLinkFor(owner.credentials.email);

    // A password the sign-up policy refuses is refused here too, with the link kept.
    await page.goto(link);
    await page.getByLabel("New password").fill("short1");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "at least 10 characters" }),
    ).toBeVisible();

    const password = "no-Script-Password-9";
    await setNewPassword(page, link, password);
    await expectNoSideScroll(page);
    await fillSignIn(page, { email: owner.credentials.email, password });
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 15_000 });
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(200);
  });
});
