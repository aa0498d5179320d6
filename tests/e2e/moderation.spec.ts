// A report reaching a moderator, in the browser: a reader reports a spam post from its page, an
// administrator (ADMIN_EMAILS, set by the test server) finds it in the queue at /moderation,
// removes it with a reason, and the post is gone while the log says who did what and why.
import { expect, test, type Page } from "./fixtures";
import { createApiClient, uniqueUser, type Credentials } from "../support/api-client";

async function signIn(page: Page, { email, password }: Pick<Credentials, "email" | "password">) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
}

test("a report reaches a moderator, who removes the post with a reason", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { api, registerAndSignIn } = createApiClient(baseURL!);
  const spammer = await registerAndSignIn();
  const text = `Cheap followers, click now ${Date.now()}`;
  const posted = await api("/api/posts", { method: "POST", token: spammer.token, body: { text } });
  expect(posted.status).toBe(201);
  const reader = uniqueUser();
  await registerAndSignIn(reader);
  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const admin = { ...uniqueUser(), email: "admin-moderation@example.com" };
  const adminRegistered = await api("/api/auth/register", { method: "POST", body: admin });
  expect([200, 201]).toContain(adminRegistered.status);

  const readerPage = await (await browser.newContext()).newPage();
  await signIn(readerPage, reader);
  await readerPage.goto(`/p/${posted.body.id}`);
  await readerPage.getByRole("button", { name: "Report" }).first().click();
  const dialog = readerPage.getByRole("dialog", { name: "Report this post" });
  await dialog.getByLabel("Reason").selectOption({ label: "Spam" });
  await dialog.getByLabel(/Details/).fill("Selling followers");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Thanks. The moderators will look at it.")).toBeVisible();

  const moderatorPage = await (await browser.newContext()).newPage();
  await signIn(moderatorPage, admin);
  await moderatorPage.goto("/moderation");
  const report = moderatorPage.getByRole("listitem").filter({ hasText: text });
  await expect(report).toBeVisible();
  await report.getByRole("button", { name: "Remove" }).click();
  const confirm = moderatorPage.getByRole("dialog", { name: "Remove this post?" });
  await confirm.getByLabel("Reason").fill("Spam: selling followers");
  await confirm.getByRole("button", { name: "Remove post" }).click();
  await expect(moderatorPage.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);
  await expect(moderatorPage.getByText("Spam: selling followers")).toBeVisible();

  const gone = await api(`/api/posts/${posted.body.id}`);
  expect(gone.status).toBe(404);
});
