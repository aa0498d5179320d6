// Payments in the browser, offline against the local PayPal double (the e2e server runs with
// PAYPAL_MODE=local): a creator publishes a paid post from the composer; a supporter tips them
// and buys the post through the double's approval page, and the post unlocks; the creator sees
// the balance net of the 10% fee, confirms their email address (payouts need it), withdraws the
// balance, and the payout reaches success.
import { expect, test, type Page } from "./fixtures";
import { mailedLink } from "./mail-links";

/** From the checkout page through "PayPal" and back: approve on the double's page. */
async function payWithLocalPayPal(page: Page) {
  await page.getByRole("button", { name: /^Continue to PayPal/ }).click();
  await expect(page.getByRole("heading", { name: /Pay with PayPal/ })).toBeVisible();
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expect(page).toHaveURL(/\/checkout\/return\?/);
}

test("a supporter tips and buys a paid post; the creator withdraws the earnings", async ({
  page: creator,
  user: { credentials: creatorUser },
  newUser,
  pageAs,
}) => {
  // A long walk through two browsers; generous for a loaded CI machine.
  test.setTimeout(180_000);
  const secret = `The secret chord progression is F, G, A minor, then back round again ${Date.now()}.`;

  // The creator publishes a paid post from the composer.
  await creator.goto("/");
  await creator.getByRole("combobox", { name: "Write a post" }).fill(secret);
  await creator.getByRole("button", { name: "Set a price" }).click();
  await creator.getByLabel("Price", { exact: true }).fill("2.50");
  await creator.getByRole("button", { name: "Post", exact: true }).click();
  const viewPost = creator.getByRole("link", { name: "View post" });
  await expect(viewPost).toBeVisible();
  const postPath = (await viewPost.getAttribute("href"))!;

  // The supporter tips from the creator's profile.
  const fan = await pageAs(await newUser());
  await fan.goto(`/u/${creatorUser.username}`);
  // The profile header's Tip (each of their posts has one too).
  await fan
    .getByRole("link", { name: `Tip @${creatorUser.username}` })
    .first()
    .click();
  await expect(fan.getByRole("heading", { name: `Tip ${creatorUser.displayName}` })).toBeVisible();
  await fan.getByRole("textbox", { name: "Amount" }).fill("5.00");
  await payWithLocalPayPal(fan);
  await expect(fan.getByRole("heading", { name: "Thank you for your tip!" })).toBeVisible();
  await expect(fan.getByText(`You tipped @${creatorUser.username} $5.00.`)).toBeVisible();

  // The paid post is locked for the supporter, who buys it.
  await fan.goto(postPath);
  await expect(fan.getByText(secret)).toHaveCount(0);
  await fan.getByRole("link", { name: "Unlock for $2.50" }).click();
  await payWithLocalPayPal(fan);
  await expect(fan.getByRole("heading", { name: "Post unlocked" })).toBeVisible();
  await fan.getByRole("link", { name: "Read the post" }).click();
  await expect(fan.getByText(secret)).toBeVisible();
  await expect(fan.getByText("Unlocked · you bought this post")).toBeVisible();

  await fan.goto("/purchases");
  await expect(fan.getByText("$5.00")).toBeVisible();
  await expect(fan.getByText("$2.50")).toBeVisible();

  // The creator has $5.00 + $2.50 less 10%: $6.75. Withdrawing needs a confirmed address: the
  // page says so until the creator opens the link their sign-up mailed them.
  await creator.goto("/earnings");
  await expect(creator.getByTestId("balance")).toHaveText("$6.75");
  await expect(creator.getByRole("note")).toContainText("Confirm your email address to withdraw");
  await creator.goto(await mailedLink(creatorUser.email, "/verify-email"));
  await expect(
    creator.getByRole("heading", { level: 1, name: "Your email address is confirmed" }),
  ).toBeVisible();

  // Now it withdraws all of it.
  await creator.goto("/earnings");
  await expect(creator.getByTestId("balance")).toHaveText("$6.75");
  await expect(creator.getByText("Tip received")).toBeVisible();
  await expect(creator.getByText("Post sold")).toBeVisible();
  await creator.getByRole("textbox", { name: "Amount" }).fill("6.75");
  await creator.getByRole("button", { name: "Withdraw" }).click();
  await expect(creator.getByTestId("balance")).toHaveText("$0.00");
  const status = creator.getByTestId("payout-status");
  await expect(status).toHaveText("processing");
  // As a creator would: press "Check status" until PayPal reports the payout done. The button is
  // disabled while a check runs and goes away once the payout has settled.
  const check = creator.getByRole("button", { name: "Check status" });
  await expect(async () => {
    if ((await status.textContent()) !== "success" && (await check.isEnabled())) {
      await check.click({ timeout: 2_000 });
    }
    await expect(status).toHaveText("success", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});
