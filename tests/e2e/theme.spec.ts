// Dark mode: the system's preference by default, a choice in settings that sticks, and the
// right theme in the HTML itself so no page flashes the other one before scripts run.
import { expect, test, type Page } from "./fixtures";

/** The page's background as the reader sees it: dark or light. */
async function shade(page: Page): Promise<"dark" | "light"> {
  const lightness = await page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  });
  return lightness < 128 ? "dark" : "light";
}

for (const scheme of ["dark", "light"] as const) {
  test(`with no choice made, Grover follows the system's ${scheme} preference`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/explore");
    expect(await shade(page)).toBe(scheme);
  });
}

test("the theme chosen in settings applies at once, sticks, and beats the system's", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
  // Signed out: appearance is for this browser, so it works for anyone.
  await page.goto("/settings/appearance");
  await expect(page.getByRole("heading", { level: 1, name: "Appearance" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "System", exact: true })).toBeChecked();

  await page.getByRole("radio", { name: "Dark", exact: true }).check();
  await expect(page.locator("html")).toHaveClass("dark");
  expect(await shade(page)).toBe("dark");

  // Saved: the next load is dark from its first byte of HTML, before any script runs.
  await expect
    .poll(async () => (await page.context().cookies()).find((c) => c.name === "theme")?.value)
    .toBe("dark");
  const html = await (await page.request.get("/explore")).text();
  expect(html).toMatch(/<html[^>]*class="dark"/);
  const noScript = await browser.newContext({ javaScriptEnabled: false, colorScheme: "light" });
  await noScript.addCookies(await page.context().cookies());
  const plain = await noScript.newPage();
  await plain.goto("/explore");
  expect(await shade(plain)).toBe("dark");
  await noScript.close();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark", exact: true })).toBeChecked();
  expect(await shade(page)).toBe("dark");

  // Light beats a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("radio", { name: "Light", exact: true }).check();
  await expect(page.locator("html")).toHaveClass("light");
  expect(await shade(page)).toBe("light");

  // Back to the system's choice: no class, and the system says dark.
  await page.getByRole("radio", { name: "System", exact: true }).check();
  await expect(page.locator("html")).not.toHaveClass(/dark|light/);
  expect(await shade(page)).toBe("dark");
  await expect
    .poll(async () => (await page.context().cookies()).find((c) => c.name === "theme")?.value)
    .toBe("system");
});

test("the settings pages link to appearance", async ({ page, user: _user }) => {
  await page.goto("/settings/profile");
  await page
    .getByRole("navigation", { name: "Settings" })
    .getByRole("link", { name: "Appearance" })
    .click();
  await expect(page).toHaveURL(/\/settings\/appearance$/);
  await expect(page.getByRole("heading", { level: 1, name: "Appearance" })).toBeVisible();
});
