// axe on every page, signed out, signed in and as an administrator, at a phone's width and a
// desktop's, in the light theme and the dark one: no serious or critical violations, colour
// contrast included. The theme comes from the cookie the appearance settings set, and the
// system preference is emulated to match, so both ways into a theme are the same page.
import AxeBuilder from "@axe-core/playwright";
import type { ApiClient } from "../support/api-client";
import { expect, test, type Page } from "./fixtures";

const THEMES = ["light", "dark"] as const;
const WIDTHS = [390, 1280] as const;

type Theme = (typeof THEMES)[number];

/** Pages anyone can open; `post` and `person` are filled in once content exists. */
function publicPages(post: string, person: string) {
  return [
    "/",
    "/explore",
    "/search",
    "/search?q=hello",
    "/docs/api",
    "/settings/appearance",
    `/p/${post}`,
    `/u/${person}`,
    `/u/${person}/followers`,
    "/no/such/page",
  ];
}

const SIGNED_OUT_ONLY = [
  "/signin",
  "/signup",
  "/forgot-password",
  "/forgot-password?sent=1",
  "/reset-password?token=example&error=weak_password",
  "/unsubscribe?token=example",
];
const SIGNED_IN_ONLY = [
  "/saved",
  "/notifications",
  "/earnings",
  "/purchases",
  "/settings/profile",
  "/settings/account",
  "/settings/safety",
];

async function useTheme(page: Page, baseURL: string, theme: Theme, width: number) {
  await page.context().addCookies([{ name: "theme", value: theme, url: baseURL }]);
  await page.emulateMedia({ colorScheme: theme });
  await page.setViewportSize({ width, height: 900 });
}

/** Serious and critical violations, one readable line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]}`),
    );
}

/** Every theme at every width, for one page: the violations found, by theme and width. */
async function check(page: Page, baseURL: string, path: string) {
  const found: Record<string, string[]> = {};
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await useTheme(page, baseURL, theme, width);
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      // Let loading skeletons settle into content, so axe sees the page people read; a list
      // that is still loading after that is checked as it is.
      await expect(page.locator('[role="status"]:has(.animate-pulse)'))
        .toHaveCount(0, { timeout: 10_000 })
        .catch(() => undefined);
      const list = await violations(page);
      if (list.length) found[`${theme} ${width}px`] = list;
    }
  }
  expect(found, path).toEqual({});
}

async function seed(api: ApiClient["api"], token: string) {
  const posted = await api("/api/posts", {
    method: "POST",
    token,
    body: { text: "Hello from the accessibility check #a11y, with a link https://example.org" },
  });
  expect(posted.status).toBe(201);
  return posted.body.id as string;
}

// One test per page, so a slow page can't starve the others of time.
const AUTHOR = "{author}";
const POST = "{post}";
const fill = (path: string, post: string, author: string) =>
  path.replace(POST, post).replace(AUTHOR, author);

for (const path of [...publicPages(POST, AUTHOR), ...SIGNED_OUT_ONLY]) {
  test(`signed out, ${path}: no serious axe violations`, async ({
    page,
    api,
    newUser,
    baseURL,
  }) => {
    // The API reference is one long page (every route's schemas): axe takes minutes on it.
    test.setTimeout(path === "/docs/api" ? 600_000 : 180_000);
    const author = await newUser();
    const post = await seed(api, author.token);
    await check(page, baseURL!, fill(path, post, author.user.username));
  });
}

for (const path of [...publicPages(POST, AUTHOR), ...SIGNED_IN_ONLY]) {
  test(`signed in, ${path}: no serious axe violations`, async ({ page, api, user, baseURL }) => {
    test.setTimeout(path === "/docs/api" ? 600_000 : 180_000);
    const post = await seed(api, user.token);
    await check(page, baseURL!, fill(path, post, user.user.username));
  });
}

test("an administrator's moderation page: no serious axe violations", async ({
  newUser,
  pageAs,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const admin = await newUser({ email: "admin-a11y@example.com" });
  const page = await pageAs(admin);
  await check(page, baseURL!, "/moderation");
});
