// Confirming the email address in the browser: sign up → the banner asks for it → the link from
// the mail (read from the global setup's SMTP sink) → the banner is gone. Then without scripts:
// the banner's Resend and settings' Change email, both plain forms posting to server actions.
import { uniqueUser } from "../support/api-client";
import { fillSignUp } from "./account-forms";
import { expect, test } from "./fixtures";
import { mailedLink } from "./mail-links";

const banner = (page: import("./fixtures").Page) =>
  page.getByRole("complementary", { name: "Confirm your email address" });

test("sign up → banner → the mailed link confirms the address → banner gone", async ({ page }) => {
  const user = uniqueUser();
  await page.goto("/signup");
  await fillSignUp(page, user);
  await expect(page).toHaveURL(/\/welcome$/, { timeout: 15_000 });
  // Right away, on the page sign-up leads to (a client-side navigation)…
  await expect(banner(page)).toBeVisible();
  // …and on every page loaded afresh.
  await page.goto("/");
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(user.email);

  // Withdrawing says why it isn't offered yet.
  await page.goto("/earnings");
  await expect(page.getByRole("note")).toContainText("Confirm your email address to withdraw");

  await page.goto(await mailedLink(user.email, "/verify-email"));
  await expect(
    page.getByRole("heading", { level: 1, name: "Your email address is confirmed" }),
  ).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("combobox", { name: "Write a post" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Resend mails a new link; Change email asks the new address first", async ({
    page,
    user,
  }) => {
    const { email, password } = user.credentials;
    const first = await mailedLink(email, "/verify-email");
    await page.goto("/");
    await banner(page).getByRole("button", { name: "Resend" }).click();
    await expect(page).toHaveURL(/\/settings\/account\?email=sent#email$/);
    await expect(
      page.getByRole("status").filter({ hasText: "A new link is on its way" }),
    ).toBeVisible();
    const second = await mailedLink(email, "/verify-email", 1);
    expect(second).not.toBe(first);

    // The change waits for the new address; the account keeps the old one until then.
    const newEmail = uniqueUser().email;
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Change email" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Check your new address" }),
    ).toBeVisible();
    await expect(
      page.getByText(`Waiting for you to open the link sent to ${newEmail}.`),
    ).toBeVisible();

    await page.goto(await mailedLink(newEmail, "/verify-email"));
    await expect(
      page.getByRole("heading", { level: 1, name: "Your email address is changed" }),
    ).toBeVisible();
    await expect(page.locator("main")).toContainText(`${newEmail} (confirmed)`);
    await expect(banner(page)).toHaveCount(0);
  });
});
