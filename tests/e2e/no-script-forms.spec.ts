// Forms with a password when scripts don't run (JavaScript off here; the same happens when a
// form is submitted before hydration): they post, so the password never appears in a URL, a
// server log or the history, and sign-up and sign-in still work.
import { uniqueUser } from "../support/api-client";
import { fillSignIn, fillSignUp } from "./account-forms";
import { expect, test, type Page, type Request } from "./fixtures";

test.use({ javaScriptEnabled: false });

/** Every request the page makes, to check none carries the password in its URL. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => seen.push(request));
  return seen;
}

function expectPasswordNotInUrls(page: Page, requests: Request[], password: string) {
  const urls = [page.url(), ...requests.map((r) => r.url())];
  expect(requests.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(url).not.toContain(password);
    expect(url).not.toMatch(/[?&]password=/i);
  }
  // The form submission itself was a POST.
  expect(requests.some((r) => r.method() === "POST" && r.isNavigationRequest())).toBe(true);
}

async function expectSignedInAs(page: Page, username: string) {
  const me = await page.request.get("/api/auth/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).username).toBe(username);
}

test("signing up without scripts posts, creates the account and signs in", async ({ page }) => {
  const user = uniqueUser();
  const requests = recordRequests(page);
  await page.goto("/signup");
  await fillSignUp(page, user);

  await expect(page).toHaveURL(/\/welcome$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Grover" })).toBeVisible();
  expectPasswordNotInUrls(page, requests, user.password);
  await expectSignedInAs(page, user.username);
});

test("a refused sign-up without scripts says why, without the password in the URL", async ({
  page,
}) => {
  const user = { ...uniqueUser(), password: "short1" };
  const requests = recordRequests(page);
  await page.goto("/signup");
  await fillSignUp(page, user);

  await expect(page).toHaveURL(/\/signup\?error=invalid&field=password$/);
  await expect(page.getByRole("alert")).toContainText("at least 10 characters");
  expectPasswordNotInUrls(page, requests, user.password);
  expect((await page.request.get("/api/auth/me")).status()).toBe(401);
});

test("signing in without scripts posts and lands on the callback", async ({ page, newUser }) => {
  const user = (await newUser()).credentials;
  const requests = recordRequests(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/saved")}`);
  await fillSignIn(page, user);

  await expect(page).toHaveURL(/\/saved$/, { timeout: 15_000 });
  expectPasswordNotInUrls(page, requests, user.password);
  await expectSignedInAs(page, user.username);
});

test("a wrong password without scripts shows the error and keeps the callback", async ({
  page,
  newUser,
}) => {
  const user = (await newUser()).credentials;
  const requests = recordRequests(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/saved")}`);
  await fillSignIn(page, { email: user.email, password: "Wrong-password-1" });

  await expect(page).toHaveURL(/\/signin\?error=CredentialsSignin&callbackUrl=%2Fsaved$/);
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  expectPasswordNotInUrls(page, requests, "Wrong-password-1");
  expect((await page.request.get("/api/auth/me")).status()).toBe(401);
});

test("the settings password form posts without scripts, never a URL", async ({
  page,
  user: { credentials: user },
}) => {
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/settings\/account$/, { timeout: 15_000 });

  const requests = recordRequests(page);
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("Another-pass-42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expectPasswordNotInUrls(page, requests, user.password);
  expectPasswordNotInUrls(page, requests, "Another-pass-42");
});
