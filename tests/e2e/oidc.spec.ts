// Signing in with an OpenID Connect provider (issue 16, item 7), in the browser, against a real
// local provider (tests/support/oidc-provider-double.ts). OIDC_* are read when the app starts,
// so this spec starts a server of its own, configured for that provider, on a database it can
// write to: `User.emailVerified` is set by verification mail only in a later round, and
// suspending is a moderator's act, so both are written directly here.
import { randomBytes } from "node:crypto";
import { createApiClient, type ApiClient, type SignedInUser } from "../support/api-client";
import { createAppDatabase, type AppDatabase } from "../support/app-database";
import {
  startOidcProviderDouble,
  type OidcPerson,
  type OidcProviderDouble,
} from "../support/oidc-provider-double";
import { startTestServer, type TestServer } from "../support/start-test-server";
import { expect, test, type Page } from "./fixtures";

// One provider whose next sign-in the tests choose in turn.
test.describe.configure({ mode: "serial" });

let provider: OidcProviderDouble;
let database: AppDatabase;
let server: TestServer;
let client: ApiClient;

test.beforeAll(async ({ browserName: _ }, testInfo) => {
  testInfo.setTimeout(180_000);
  // Up before the app: next-auth reads the provider's discovery document when a sign-in starts.
  provider = await startOidcProviderDouble("Acme SSO");
  database = await createAppDatabase();
  server = await startTestServer({ name: "e2e-oidc", env: { ...database.env, ...provider.env } });
  client = createApiClient(server.baseURL);
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await provider?.stop();
});

function person(overrides: Partial<OidcPerson> = {}): OidcPerson {
  const id = randomBytes(4).toString("hex");
  return {
    sub: `acme-${id}`,
    email: `sso-${id}@example.com`,
    email_verified: true,
    name: "Ada Acme",
    preferred_username: `ada_${id}`,
    ...overrides,
  };
}

const url = (path: string) => server.baseURL + path;

// A sign-in with the provider is several navigations (the app, the provider, the app's callback,
// then the page it lands on), the first of them on a server that has just started: on a loaded
// 2-core machine that takes longer than one expect's default 5 s, as the sign-up specs allow.
const ROUND_TRIP = { timeout: 15_000 };

async function signInWithSso(page: Page) {
  await page.goto(url("/signin"));
  await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
}

/** Who the browser is signed in as, by the session cookie it holds; null when signed out. */
async function signedInAs(page: Page): Promise<{ id: string; username: string } | null> {
  const res = await page.request.get(url("/api/auth/me"));
  return res.status() === 200 ? ((await res.json()) as { id: string; username: string }) : null;
}

/** Signs the page's browser in as a password user, with the cookie a web sign-in gets. */
async function signInWithPassword(page: Page, user: SignedInUser) {
  const { cookie } = await client.webSignIn(user.credentials.email, user.credentials.password);
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.baseURL };
    }),
  );
}

/** The sign-in form's message (Next's route announcer is an empty alert of its own). */
const signInAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

const NOT_LINKED = "That email already belongs to a Grover account";

test("the first sign-in creates an account, and the next one lands on the same account", async ({
  page,
}) => {
  const ada = person();
  provider.signInAs(ada);
  await signInWithSso(page);
  await expect(page).toHaveURL(url("/"), ROUND_TRIP);
  // The username comes from the provider's preferred_username.
  const profileLink = page.getByRole("link", { name: "Your profile" });
  await expect(profileLink).toHaveAttribute("href", `/u/${ada.preferred_username}`);
  const first = await signedInAs(page);
  expect(first?.username).toBe(ada.preferred_username);
  const [created] = await database.query<{ emailVerified: Date | null }>(
    `SELECT "emailVerified" FROM "User" WHERE id = $1`,
    [first!.id],
  );
  expect(created!.emailVerified).not.toBeNull(); // the provider said email_verified

  await page.context().clearCookies();
  await page.goto(url("/"));
  // The header's link: the signed-out home page has a "Sign in" button of its own.
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
  await signInWithSso(page);
  await expect(page).toHaveURL(url("/"), ROUND_TRIP);
  await expect(profileLink).toHaveAttribute("href", `/u/${ada.preferred_username}`);
  expect((await signedInAs(page))?.id).toBe(first!.id);
});

test("a signed-in user connects the provider in settings, then signs in with it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const member = await client.registerAndSignIn();
  await signInWithPassword(page, member);
  await page.goto(url("/settings/account"));
  const section = page.getByRole("region", { name: "Connected accounts" });
  await expect(section.getByText("Acme SSO")).toBeVisible();

  // Another address, not even verified: connecting while signed in proves both sides.
  const work = person({ email: `work-${randomBytes(4).toString("hex")}@example.com` });
  work.email_verified = false;
  provider.signInAs(work);
  await section.getByRole("button", { name: "Connect Acme SSO" }).click();
  await expect(page).toHaveURL(url("/settings/account?linked=oidc"), ROUND_TRIP);
  await expect(section.getByRole("status")).toHaveText(
    "Acme SSO is connected. You can sign in with it from now on.",
  );
  await expect(section.getByText("Connected", { exact: true })).toBeVisible();
  // Still the same person, in the same session.
  expect((await signedInAs(page))?.username).toBe(member.credentials.username);
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, `page width at ${width} px`).toBeLessThanOrEqual(width);
  }

  await page.context().clearCookies();
  provider.signInAs(work);
  await signInWithSso(page);
  await expect(page).toHaveURL(url("/"), ROUND_TRIP);
  expect((await signedInAs(page))?.username).toBe(member.credentials.username);

  // And disconnects it again (they have a password, so it isn't their only way in).
  await page.goto(url("/settings/account"));
  await section.getByRole("button", { name: "Disconnect Acme SSO" }).click();
  await expect(section.getByRole("status")).toHaveText("Acme SSO is disconnected.");
  await expect(section.getByRole("button", { name: "Connect Acme SSO" })).toBeVisible();
});

test("an address not verified on both sides is refused, not joined to its account", async ({
  page,
}) => {
  const member = await client.registerAndSignIn();
  const email = member.credentials.email.toLowerCase();

  // The provider vouches for the address, but Grover never verified it.
  provider.signInAs(person({ email, email_verified: true }));
  await signInWithSso(page);
  await expect(page).toHaveURL(/\/signin\?error=OAuthAccountNotLinked$/, ROUND_TRIP);
  await expect(signInAlert(page)).toContainText(NOT_LINKED);
  expect(await signedInAs(page)).toBeNull();

  // Grover verified it, but the provider merely claims it.
  await database.query(`UPDATE "User" SET "emailVerified" = now() WHERE id = $1`, [member.user.id]);
  provider.signInAs(person({ email, email_verified: false }));
  await signInWithSso(page);
  await expect(page).toHaveURL(/\/signin\?error=OAuthAccountNotLinked$/, ROUND_TRIP);
  await expect(signInAlert(page)).toContainText(NOT_LINKED);
  expect(await signedInAs(page)).toBeNull();
  const linked = await database.query(`SELECT 1 FROM "Account" WHERE "userId" = $1`, [
    member.user.id,
  ]);
  expect(linked).toHaveLength(0);

  // Verified on both sides: the same person, joined to their account.
  provider.signInAs(person({ email, email_verified: true }));
  await signInWithSso(page);
  await expect(page).toHaveURL(url("/"), ROUND_TRIP);
  expect((await signedInAs(page))?.username).toBe(member.credentials.username);
});

test("a suspended account is refused with a message instead of a broken session", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const sam = person();
  provider.signInAs(sam);
  await signInWithSso(page);
  await expect(page).toHaveURL(url("/"), ROUND_TRIP);
  const account = await signedInAs(page);
  await page.context().clearCookies();

  await database.query(`UPDATE "User" SET "suspendedAt" = now() WHERE id = $1`, [account!.id]);
  await signInWithSso(page);
  await expect(page).toHaveURL(/\/signin\?error=AccountSuspended$/, ROUND_TRIP);
  await expect(signInAlert(page)).toHaveText(
    "This account is suspended by the moderators and cannot sign in.",
  );
  expect(await signedInAs(page)).toBeNull();
  await page.setViewportSize({ width: 320, height: 700 });
  await expect(page.getByRole("button", { name: "Continue with Acme SSO" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
