// Accounts in the browser: sign-up, profile editing, search, follow and unfollow, sign-in
// errors and sign-out, against the real app and database.
import { fillSignIn, fillSignUp } from "./account-forms";
import { expect, test, type Page } from "./fixtures";
import { uniqueUser, type Credentials } from "../support/api-client";

async function signIn(page: Page, credentials: Pick<Credentials, "email" | "password">) {
  await page.goto("/signin");
  await fillSignIn(page, credentials);
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
  await expect(mainNav(page).getByRole("button", { name: "More" })).toBeVisible();
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("a new user signs up, is welcomed, opens their profile and edits it", async ({ page }) => {
  const user = uniqueUser();

  await page.goto("/signup");
  await fillSignUp(page, user);

  // Creating the account and signing in each hash a password: give them time.
  await expect(page).toHaveURL(/\/welcome$/, { timeout: 15_000 });
  await page.goto(`/u/${user.username}`);
  await expect(page.getByRole("heading", { level: 1, name: user.displayName })).toBeVisible();
  await expect(page.getByText(`@${user.username}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "0 followers" })).toBeVisible();

  await page.getByRole("link", { name: "Edit profile" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Edit profile" })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue(user.displayName);

  const bio = "I draw comics about birds.\nNew strip every Friday.";
  await page.getByLabel("Display name").fill("Bird Comics Studio");
  await page.getByLabel("Bio").fill(bio);
  await expect(page.getByText(`${bio.length}/300`)).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  await page.getByRole("link", { name: "View your profile" }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${user.username}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Bird Comics Studio" })).toBeVisible();
  await expect(page.getByText("I draw comics about birds.")).toBeVisible();

  // Not just the client cache: a fresh load shows the saved profile.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Bird Comics Studio" })).toBeVisible();
  await expect(page.getByText("New strip every Friday.")).toBeVisible();
});

test("a user found by username prefix can be followed and unfollowed", async ({
  page,
  api,
  // The fan, whom the page is signed in as.
  user: _fan,
  newUser,
}) => {
  const creator = (await newUser()).credentials;
  await page.goto("/");
  await expect(mainNav(page).getByRole("button", { name: "More" })).toBeVisible();

  await mainNav(page).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  const prefix = creator.username.slice(0, -2);
  await page.getByRole("searchbox", { name: "Search" }).fill(prefix);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  await expect(page.getByRole("tab", { name: "People", selected: true })).toBeVisible();

  const result = page.getByRole("link", { name: new RegExp(`@${creator.username}`) });
  await expect(result).toBeVisible();
  await result.click();

  await expect(page).toHaveURL(new RegExp(`/u/${creator.username}$`));
  await expect(page.getByRole("heading", { level: 1, name: creator.displayName })).toBeVisible();
  await expect(page.getByRole("link", { name: "0 followers" })).toBeVisible();

  const followed = page.waitForResponse(
    (r) => r.url().endsWith("/follow") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: `Follow ${creator.displayName}` }).click();
  expect((await followed).status()).toBe(200);
  await expect(page.getByRole("link", { name: "1 follower", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Unfollow ${creator.displayName}` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("link", { name: "1 follower", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Unfollow ${creator.displayName}` })).toBeVisible();
  const profile = await api(`/api/users/${creator.username}`);
  expect(profile.body.stats.followers).toBe(1);

  const unfollowed = page.waitForResponse(
    (r) => r.url().endsWith("/follow") && r.request().method() === "DELETE",
  );
  await page.getByRole("button", { name: `Unfollow ${creator.displayName}` }).click();
  expect((await unfollowed).status()).toBe(200);
  await expect(page.getByRole("link", { name: "0 followers" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("link", { name: "0 followers" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Follow ${creator.displayName}` })).toBeVisible();
});

test("signing in with a wrong password shows one generic error", async ({ page, newUser }) => {
  const user = (await newUser()).credentials;
  const generic = page.getByRole("alert").filter({ hasText: "Email or password is incorrect." });

  await page.goto("/signin");
  await fillSignIn(page, { email: user.email, password: `${user.password}-wrong` });
  await expect(generic).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  // An unknown email reads exactly the same, so the form doesn't reveal who has an account.
  await page.getByLabel("Email").fill(`nobody-${user.username}@example.com`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(generic).toBeVisible();
});

test("signing out returns the header to its signed-out state", async ({ page, newUser }) => {
  const user = (await newUser()).credentials;
  await signIn(page, user);
  const nav = mainNav(page);
  await expect(nav.getByRole("link", { name: "Your profile" })).toBeVisible();
  // Settings and Sign out live in the header's "More" menu.
  await nav.getByRole("button", { name: "More" }).click();
  await expect(nav.getByRole("menuitem", { name: "Settings" })).toBeVisible();

  await nav.getByRole("menuitem", { name: "Sign out" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "More" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Your profile" })).toHaveCount(0);

  // The session is over on the server too, not just in the header.
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fprofile/);
});
