// A report reaching a moderator, in the browser: a reader reports a spam post from its page, an
// administrator (ADMIN_EMAILS, set by the test server) finds it in the queue at /moderation,
// removes it with a reason, and the post is gone while the log says who did what and why.
import { expect, test } from "./fixtures";

test("a report reaches a moderator, who removes the post with a reason", async ({
  api,
  newUser,
  pageAs,
}) => {
  test.setTimeout(120_000);
  const spammer = await newUser();
  const text = `Cheap followers, click now ${Date.now()}`;
  const posted = await api("/api/posts", { method: "POST", token: spammer.token, body: { text } });
  expect(posted.status).toBe(201);
  const reader = await newUser();
  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const admin = await newUser({ email: "admin-moderation@example.com" });

  const readerPage = await pageAs(reader);
  await readerPage.goto(`/p/${posted.body.id}`);
  // Report is in the post's "…" menu.
  await readerPage.getByRole("button", { name: "More options for this post" }).click();
  await readerPage.getByRole("menuitem", { name: "Report post" }).click();
  const dialog = readerPage.getByRole("dialog", { name: "Report this post" });
  await dialog.getByLabel("Reason").selectOption({ label: "Spam" });
  await dialog.getByLabel(/Details/).fill("Selling followers");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Thanks. The moderators will look at it.")).toBeVisible();

  const moderatorPage = await pageAs(admin);
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
