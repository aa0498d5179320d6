// Blocking and muting in the browser, by keyboard where it matters: a user mutes and unmutes
// someone from their profile, blocks them through the confirmation dialog, lands on the safety
// settings with that account listed, mutes a word, and unblocks.
import { expect, test, type Page } from "./fixtures";

function apiCall(page: Page, method: string, path: string) {
  return page.waitForResponse(
    (r) => r.request().method() === method && new URL(r.url()).pathname === path,
  );
}

test("mute, block with a confirmation, then undo both from the safety settings", async ({
  page,
  user: _user,
  newUser,
}) => {
  test.setTimeout(120_000);
  const other = await newUser();
  const name = other.credentials.displayName;

  await page.goto(`/u/${other.credentials.username}`);
  const muted = apiCall(page, "POST", `/api/users/${other.user.id}/mute`);
  await page.getByRole("button", { name: `Mute ${name}` }).click();
  expect((await muted).status()).toBe(200);
  await expect(page.getByRole("button", { name: `Unmute ${name}` })).toBeVisible();

  // Block: the dialog opens on Cancel; Tab then Enter confirms, all from the keyboard.
  await page.getByRole("button", { name: `Block ${name}` }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Block @${other.credentials.username}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  const blocked = apiCall(page, "POST", `/api/users/${other.user.id}/block`);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  expect((await blocked).status()).toBe(200);

  await expect(page).toHaveURL(/\/settings\/safety$/);
  const blockedList = page.getByRole("region", { name: "Blocked accounts" });
  const mutedList = page.getByRole("region", { name: "Muted accounts" });
  await expect(blockedList.getByText(`@${other.credentials.username}`)).toBeVisible();
  await expect(mutedList.getByText(`@${other.credentials.username}`)).toBeVisible();

  const words = page.getByRole("region", { name: "Muted words" });
  await words.getByLabel("Word or phrase").fill("  Spoilers ");
  await words.getByRole("button", { name: "Mute word" }).click();
  await expect(words.getByRole("list", { name: "Muted words" })).toContainText("spoilers");
  await words.getByRole("button", { name: "Unmute spoilers" }).click();
  await expect(words.getByText("No muted words.", { exact: false })).toBeVisible();

  await blockedList.getByRole("button", { name: `Unblock ${name}` }).click();
  await expect(blockedList.getByText(`Unblocked @${other.credentials.username}.`)).toBeVisible();
  await expect(blockedList.getByText("You haven't blocked anyone.")).toBeVisible();
  await mutedList.getByRole("button", { name: `Unmute ${name}` }).click();
  await expect(mutedList.getByText("You haven't muted anyone.")).toBeVisible();

  // Unblocked and unmuted, their profile opens again with the plain labels.
  await page.goto(`/u/${other.credentials.username}`);
  await expect(page.getByRole("button", { name: `Mute ${name}` })).toBeVisible();
});
