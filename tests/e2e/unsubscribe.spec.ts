// A mail's "Stop these emails" link, followed in a browser with no session: the page asks first
// (opening a link must switch nothing off), and its button switches that one kind off. Mail goes
// to the SMTP server the Playwright global setup runs, which writes each message to TEST_MAIL_DIR.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { poll } from "../support/poll";
import { expect, test } from "./fixtures";

/** The unsubscribe link in the first mail to `email` whose subject matches, once it arrives. */
async function stopLinkFor(email: string, subject: RegExp): Promise<string> {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error("TEST_MAIL_DIR is unset: run against the global setup's server");
  return poll(
    async () => {
      for (const name of readdirSync(dir).filter((file) => file.endsWith(".eml"))) {
        const mail = await simpleParser(readFileSync(path.join(dir, name)));
        const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
        if (to !== email || !subject.test(mail.subject ?? "")) continue;
        return mail.text?.match(/Stop these emails: (\S+)/)?.[1];
      }
      return undefined;
    },
    { timeoutMs: 15_000, what: `a mail ${subject} to ${email}` },
  );
}

test("a mail's stop link asks, then switches that kind of mail off without signing in", async ({
  page,
  api,
  newUser,
}) => {
  const followed = await newUser();
  const follower = await newUser();
  const settings = async () =>
    (await api("/api/notifications/settings", { token: followed.token })).body.emailKinds;
  const on = await api("/api/notifications/settings", {
    method: "PUT",
    token: followed.token,
    body: { emailKinds: { new_follower: true } },
  });
  expect(on.status).toBe(200);
  const follow = await api(`/api/users/${followed.user.id}/follow`, {
    method: "POST",
    token: follower.token,
  });
  expect(follow.status).toBeLessThan(300);

  const link = await stopLinkFor(followed.credentials.email, /followed you/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/unsubscribe\?token=/);
  await expect(page.getByRole("heading", { level: 1, name: "Stop these emails" })).toBeVisible();
  await expect(page.getByText("Stop the emails about new followers?")).toBeVisible();
  expect((await settings()).new_follower).toBe(true);

  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(
    page.getByText("Done: you won’t get emails about new followers any more."),
  ).toBeVisible();
  expect(await settings()).toMatchObject({ new_follower: false, receipts: true });

  // A tampered link is refused, and says so.
  await page.goto(link.replace(/token=[^&]+/, "token=someone.new_follower.forged"));
  await expect(page.getByText("This unsubscribe link is not valid.")).toBeVisible();
});
