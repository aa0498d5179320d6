import { expect, test } from "./fixtures";

test("the home page renders", async ({ page }) => {
  await page.goto("/");

  await expect(page).toHaveTitle(/Grover/);
  await expect(page.getByRole("main")).toBeVisible();
});
