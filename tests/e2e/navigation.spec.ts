// Navigation at a phone's width and a desktop's: below md a tab bar fixed to the bottom (Home,
// Explore, Search, Notifications, a menu sheet with everything else), from md up one header row
// with a "More" menu. Measured with bounding boxes, as a person would see it.
import { expect, test, type Locator, type Page } from "./fixtures";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const tabs = (page: Page) => page.getByRole("navigation", { name: "Tabs" });
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`no box for ${locator}`);
  return b;
}

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("signed out on a phone: the tab bar offers Home, Explore, Search, Sign in and Sign up", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto("/explore");
  const bar = tabs(page);
  await expect(bar).toBeVisible();
  for (const name of ["Home", "Explore", "Search", "Sign in", "Sign up"]) {
    await expect(bar.getByRole("link", { name })).toBeVisible();
  }
  await expect(bar.getByRole("link", { name: "Explore" })).toHaveAttribute("aria-current", "page");
  await expect(bar.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current");
  // The header keeps only the brand on a phone.
  await expect(mainNav(page).getByRole("link", { name: "Explore" })).toBeHidden();

  // The bar sits on the bottom edge, and the page ends above it.
  const barBox = await box(bar);
  expect(barBox.y + barBox.height).toBeCloseTo(PHONE.height, 0);
  const padding = await page
    .locator("main")
    .evaluate((main) => parseFloat(getComputedStyle(main).paddingBottom));
  expect(padding).toBeGreaterThanOrEqual(barBox.height);

  await bar.getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search/);
  await expect(bar.getByRole("link", { name: "Search" })).toHaveAttribute("aria-current", "page");

  // At a desktop's width the bar is gone and the header has the links.
  await page.setViewportSize(DESKTOP);
  await expect(bar).toBeHidden();
  await expect(mainNav(page).getByRole("link", { name: "Explore" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a moderator: one header row at 1280 px with a More menu, and the phone's menu sheet", async ({
  api,
  newUser,
  pageAs,
}) => {
  test.setTimeout(120_000);
  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const moderator = await newUser({ email: "admin-navigation@example.com" });
  // Enough unread notifications for a two-digit badge: the welcome and 11 comments.
  const fan = await newUser();
  const post = await api("/api/posts", {
    method: "POST",
    token: moderator.token,
    body: { text: "Talk to me" },
  });
  for (let i = 0; i < 11; i++) {
    await api(`/api/posts/${post.body.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: `comment ${i}` },
    });
  }
  await expect
    .poll(
      async () =>
        (await api("/api/notifications/unread-count", { token: moderator.token })).body.count,
      { timeout: 20_000 },
    )
    .toBe(12);

  const page = await pageAs(moderator);
  await page.setViewportSize(DESKTOP);
  await page.goto("/explore");
  const nav = mainNav(page);
  const bell = nav.getByRole("link", { name: "Notifications, 12 unread" });
  await expect(bell).toBeVisible();
  await expect(tabs(page)).toBeHidden();

  // One row: every control's vertical middle on the same line, none taller than one line.
  const controls = [
    nav.getByRole("link", { name: "Grover" }),
    nav.getByRole("link", { name: "Home" }),
    nav.getByRole("link", { name: "Explore" }),
    nav.getByRole("link", { name: "Search" }),
    bell,
    nav.getByRole("link", { name: "Your profile" }),
    nav.getByRole("button", { name: "More" }),
  ];
  const boxes = await Promise.all(controls.map(box));
  const middles = boxes.map((b) => b.y + b.height / 2);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
  expect((await box(nav)).height).toBeLessThanOrEqual(64);
  await expect(nav.getByRole("link", { name: "Explore" })).toHaveAttribute("aria-current", "page");

  // The count sits beside the bell, not on it.
  const badge = await box(bell.locator("[data-unread-badge]"));
  const icon = await box(bell.locator("svg"));
  await expect(bell.locator("[data-unread-badge]")).toHaveText("12");
  expect(overlaps(badge, icon)).toBe(false);

  // The rest is in "More", Sign out on one line.
  const more = nav.getByRole("button", { name: "More" });
  await more.click();
  const menu = nav.getByRole("menu", { name: "More" });
  for (const name of ["Saved", "Earnings", "Purchases", "Moderation", "Settings", "Sign out"]) {
    await expect(menu.getByRole("menuitem", { name })).toBeVisible();
  }
  await expect(menu.getByRole("menuitem", { name: "Saved" })).toBeFocused();
  const signOut = await box(menu.getByRole("menuitem", { name: "Sign out" }));
  const saved = await box(menu.getByRole("menuitem", { name: "Saved" }));
  expect(signOut.height).toBeLessThanOrEqual(saved.height);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  // On a phone: the tab bar, with the badge on Notifications, and the menu sheet.
  await page.setViewportSize(PHONE);
  const bar = tabs(page);
  await expect(bar).toBeVisible();
  await expect(nav.getByRole("link", { name: "Home" })).toBeHidden();
  const tabBell = bar.getByRole("link", { name: "Notifications, 12 unread" });
  await expect(tabBell).toBeVisible();
  expect(
    overlaps(await box(tabBell.locator("[data-unread-badge]")), await box(tabBell.locator("svg"))),
  ).toBe(false);

  const menuTab = bar.getByRole("button", { name: "Menu" });
  await menuTab.click();
  const sheet = page.getByRole("dialog", { name: "Menu" });
  await expect(sheet).toBeVisible();
  await expect(menuTab).toHaveAttribute("aria-expanded", "true");
  await expect(sheet.getByRole("link", { name: /Your profile/ })).toBeVisible();
  for (const name of ["Saved", "Earnings", "Purchases", "Moderation", "Settings"]) {
    await expect(sheet.getByRole("link", { name })).toBeVisible();
  }
  await expect(sheet.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The sheet rises from the bottom edge.
  const sheetBox = await box(sheet);
  expect(sheetBox.y + sheetBox.height).toBeCloseTo(PHONE.height, 0);
  // Focus stays inside while it is open; Escape closes it and gives focus back to the tab.
  for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
  expect(await sheet.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(menuTab).toBeFocused();

  await menuTab.click();
  await sheet.getByRole("link", { name: "Moderation" }).click();
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(sheet).toBeHidden();
  await expect(menuTab).toHaveAttribute("aria-current", "page");

  // 320 px, the narrowest phone: all five tabs fit, nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const tab of [
    bar.getByRole("link", { name: "Home" }),
    bar.getByRole("link", { name: "Explore" }),
    bar.getByRole("link", { name: "Search" }),
    tabBell,
    menuTab,
  ]) {
    const b = await box(tab);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(320);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }

  // Sign out from the sheet.
  await menuTab.click();
  await sheet.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(bar.getByRole("link", { name: "Sign in" })).toBeVisible();
});
