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

const SIGNED_OUT_ONLY = ["/signin", "/signup"];
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

async function check(page: Page, paths: string[]) {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    // Let loading states settle into content: axe should see the page people read.
    await expect(page.locator('[role="status"]:has(.animate-pulse)')).toHaveCount(0);
    const list = await violations(page);
    if (list.length) found[path] = list;
  }
  expect(found).toEqual({});
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

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`signed out, ${theme} at ${width}px: no serious axe violations`, async ({
      page,
      api,
      newUser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const author = await newUser();
      const post = await seed(api, author.token);
      await useTheme(page, baseURL!, theme, width);
      await check(page, [...publicPages(post, author.user.username), ...SIGNED_OUT_ONLY]);
    });

    test(`signed in, ${theme} at ${width}px: no serious axe violations`, async ({
      page,
      api,
      user,
      baseURL,
    }) => {
      test.setTimeout(180_000);
      const post = await seed(api, user.token);
      await useTheme(page, baseURL!, theme, width);
      await check(page, [...publicPages(post, user.user.username), ...SIGNED_IN_ONLY]);
    });
  }
}

test("an administrator's moderation page, both themes and widths: no serious axe violations", async ({
  newUser,
  pageAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const admin = await newUser({ email: "admin-layout@example.com" });
  const page = await pageAs(admin);
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await useTheme(page, baseURL!, theme, width);
      await check(page, ["/moderation", "/"]);
    }
  }
});
