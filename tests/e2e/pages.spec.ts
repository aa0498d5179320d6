// Grover's own pages around the content: the 404 for any unknown URL (and for unknown posts and
// people), the API reference's intro and code blocks, and the sign-in redirects that the
// loading skeletons must not turn into streamed pages.
import { expect, test } from "./fixtures";

const WIDTHS = [390, 1280];

for (const width of WIDTHS) {
  test(`an unknown URL answers 404 with Grover's page and a way home at ${width}px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(/Page not found · Grover/);
    await expect(
      page.getByRole("heading", { level: 1, name: "This page isn’t here" }),
    ).toBeVisible();
    // Inside the app's own frame, not a bare error page.
    await expect(page.getByRole("main")).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Go home" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Welcome to Grover" })).toBeVisible();
  });
}

test("an unknown post and an unknown person answer 404 with a way home", async ({ page }) => {
  const post = await page.goto("/p/no-such-post");
  expect(post?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This post isn’t here" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go home" })).toBeVisible();

  const person = await page.goto("/u/no_such_person_here");
  expect(person?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { level: 1, name: "This account doesn’t exist" }),
  ).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the API reference shows code as code, and its code blocks take keyboard focus", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/docs/api");
  const intro = page.locator("header p").first();
  await expect(intro.locator("code", { hasText: "Authorization: Bearer <token>" })).toBeVisible();
  // No raw Markdown in any prose (summaries, descriptions); the JSON blocks show the document
  // as it is, Markdown included.
  const prose = await page.getByRole("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("pre").forEach((pre) => pre.remove());
    return copy.textContent ?? "";
  });
  expect(prose).not.toContain("`");

  const blocks = page.locator("pre");
  expect(await blocks.count()).toBeGreaterThan(10);
  const unreachable = await blocks.evaluateAll(
    (pres) =>
      pres.filter((pre) => pre.tabIndex !== 0 || !pre.getAttribute("aria-label")?.trim()).length,
  );
  expect(unreachable).toBe(0);

  // From the last disclosure on the page, Tab lands on the Schemas block, and the arrow keys
  // scroll it sideways.
  const schemas = page.locator('pre[aria-label="Schemas"]');
  await page.locator("summary").last().focus();
  await page.keyboard.press("Tab");
  await expect(schemas).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => schemas.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
});

test("signed-out visitors are still redirected to sign in, as a real redirect", async ({
  page,
}) => {
  for (const path of ["/saved", "/notifications", "/settings/profile", "/earnings"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(
      `/signin?callbackUrl=${encodeURIComponent(path)}`,
    );
  }
  await page.goto("/saved");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsaved$/);
});

test("signed in, the pages behind a loading skeleton render their content", async ({
  page,
  user: _user,
}) => {
  await page.goto("/saved");
  await expect(page.getByRole("heading", { level: 1, name: "Saved" })).toBeVisible();
  await expect(page.getByText("Nothing saved yet")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
});
