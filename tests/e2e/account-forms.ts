// The sign-up and sign-in forms, filled in and sent as a person would, for the specs whose subject
// they are. Every other spec gets its users from the fixtures (./fixtures.ts).
import type { Credentials } from "../support/api-client";
import type { Page } from "./fixtures";

/** On /signup: fills in every field and presses "Create account". */
export async function fillSignUp(page: Page, user: Credentials) {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Display name").fill(user.displayName);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** On /signin: fills in the email and password and presses "Sign in". */
export async function fillSignIn(
  page: Page,
  { email, password }: Pick<Credentials, "email" | "password">,
) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
