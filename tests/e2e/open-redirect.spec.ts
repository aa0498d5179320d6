// Sign-in callbacks in a real browser, which drops tabs and newlines from a Location and reads
// "\" as "/": nothing in ?callbackUrl= may take it to another site.
import { fillSignIn } from "./account-forms";
import { expect, test } from "./fixtures";

const CALLBACKS = [
  "/%09/evil.example/phish",
  "/%0A/evil.example",
  "//evil.example",
  "/%5Cevil.example",
];

test("callbacks to other sites end on this site's home, signed out and signed in", async ({
  page,
  baseURL,
  newUser,
}) => {
  const user = (await newUser()).credentials;
  const origin = new URL(baseURL!).origin;

  // Signing in through the form with a nasty callback.
  await page.goto(`/signin?callbackUrl=${CALLBACKS[0]}`);
  await fillSignIn(page, user);
  await expect(page).toHaveURL(`${origin}/`, { timeout: 15_000 });

  // Already signed in: the page redirects at once.
  for (const callback of CALLBACKS) {
    const response = await page.goto(`/signin?callbackUrl=${callback}`);
    expect(response?.status(), callback).toBeLessThan(500);
    expect(new URL(page.url()).origin, callback).toBe(origin);
    expect(new URL(page.url()).pathname, callback).toBe("/");
  }
});
