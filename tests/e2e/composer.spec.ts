// The composer helps (issue 15, item 8), on a phone: @ and # autocomplete driven from the
// keyboard, uploads that start when a file is picked (progress, cancel, Post waiting for them),
// the alt text reminder, the character counter disabling Post, and bare links made into links.
import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "./fixtures";
import { plainPng } from "../support/media-fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const hex = () => randomBytes(4).toString("hex");
const composerOf = (page: Page) => page.getByRole("form", { name: "New post" });
const textOf = (page: Page) => page.getByRole("combobox", { name: "Write a post" });
const homeFeed = (page: Page) => page.getByRole("list", { name: "Home feed" });

async function chooseFile(page: Page, composer: Locator, name: string) {
  const chooser = page.waitForEvent("filechooser");
  await composer.getByRole("button", { name: "Add photos or video" }).click();
  await (await chooser).setFiles({ name, mimeType: "image/png", buffer: await plainPng(320, 240) });
}

/** The option the combobox points at with aria-activedescendant. */
async function activeOption(combobox: Locator, page: Page) {
  const id = await combobox.getAttribute("aria-activedescendant");
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

test("@ and # suggestions are picked with the keyboard and read as a combobox", async ({
  page,
  api,
  newUser,
  user,
}) => {
  // Two accounts and three posts made first, then typed key by key: slow on a loaded machine.
  test.setTimeout(90_000);
  const p = `c${hex()}`;
  const t = `t${hex()}`;
  await newUser({ username: `${p}_ann`, displayName: "Ann Example" });
  await newUser({ username: `${p}_bob`, displayName: "Bob Example" });
  for (const text of [`#${t}_alpha one`, `#${t}_alpha two`, `#${t}_beta`]) {
    expect(
      (await api("/api/posts", { method: "POST", token: user.token, body: { text } })).status,
    ).toBe(201);
  }

  await page.goto("/");
  const combobox = textOf(page);
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  const listboxId = await combobox.getAttribute("aria-controls");
  const listbox = page.locator(`[id="${listboxId}"]`);

  // @: people by username prefix; the arrows move the active option, Enter picks it.
  await combobox.pressSequentially(`Hi @${p}`);
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await expect(listbox).toHaveAttribute("role", "listbox");
  await expect(listbox).toHaveAccessibleName("People to mention");
  const people = listbox.getByRole("option");
  await expect(people).toHaveCount(2);
  await expect(people.nth(0)).toContainText(`@${p}_ann`);
  await expect(people.nth(0)).toHaveAttribute("aria-selected", "true");
  // It fits the phone's screen.
  const box = (await listbox.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);

  await combobox.press("ArrowDown");
  await expect(await activeOption(combobox, page)).toContainText(`@${p}_bob`);
  await expect(people.nth(1)).toHaveAttribute("aria-selected", "true");
  await combobox.press("ArrowDown");
  await expect(await activeOption(combobox, page)).toContainText(`@${p}_ann`);
  await combobox.press("ArrowUp");
  await combobox.press("Enter");
  await expect(combobox).toHaveValue(`Hi @${p}_bob `);
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await expect(combobox).not.toHaveAttribute("aria-activedescendant");

  // #: tags by use count; Tab picks.
  await combobox.pressSequentially(`#${t}`);
  await expect(listbox).toHaveAccessibleName("Hashtag suggestions");
  const tags = listbox.getByRole("option");
  await expect(tags).toHaveCount(2);
  await expect(tags.nth(0)).toContainText(`#${t}_alpha`);
  await expect(tags.nth(0)).toContainText("2 posts");
  await expect(tags.nth(1)).toContainText(`#${t}_beta`);
  await combobox.press("Tab");
  await expect(combobox).toHaveValue(`Hi @${p}_bob #${t}_alpha `);
  await expect(combobox).toBeFocused();

  // Escape closes the list and leaves the text as typed.
  await combobox.pressSequentially(`and @${p}_a`);
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await combobox.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await expect(listbox).toBeHidden();
  await expect(combobox).toHaveValue(`Hi @${p}_bob #${t}_alpha and @${p}_a`);

  // The picked mention and tag are linked in the published post.
  await combobox.fill(`Hi @${p}_bob #${t}_alpha `);
  await composerOf(page).getByRole("button", { name: "Post", exact: true }).click();
  const post = homeFeed(page).getByRole("article").first();
  await expect(post.getByRole("link", { name: `@${p}_bob` })).toHaveAttribute(
    "href",
    `/u/${p}_bob`,
  );
  await expect(post.getByRole("link", { name: `#${t}_alpha` })).toBeVisible();
});

test("at 320 px the suggestions fit the screen", async ({ page, newUser, user: _user }) => {
  const p = `c${hex()}`;
  await newUser({
    username: `${p}_long_name_here`,
    displayName: "A Display Name Long Enough To Truncate On A Phone",
  });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const combobox = textOf(page);
  await combobox.pressSequentially(`@${p}`);
  const option = page.getByRole("listbox", { name: "People to mention" }).getByRole("option");
  await expect(option).toHaveCount(1);
  const box = (await option.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  // Long names are cut short inside the option, not spilled past the screen's edge.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("a picked file uploads at once with a progress bar; cancel stops it; Post waits", async ({
  page,
  user: _user,
}) => {
  await page.goto("/");
  const composer = composerOf(page);
  const attachments = composer.getByRole("list", { name: "Attachments" });

  // Hold the upload until released, to see it running.
  let release: () => void = () => undefined;
  await page.route("**/api/media/upload", async (route) => {
    await new Promise<void>((resolve) => (release = resolve));
    await route.continue().catch(() => undefined);
  });

  const firstUpload = page.waitForRequest("**/api/media/upload");
  await chooseFile(page, composer, "first.png");
  await firstUpload;
  const progress = composer.getByRole("progressbar", { name: "Uploading 1 file" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", /^\d+$/);
  await composer.getByRole("button", { name: "Cancel upload" }).click();
  await expect(progress).toBeHidden();
  await expect(attachments).toBeHidden();
  await expect(composer.getByRole("alert")).toHaveText(/Upload cancelled/);
  release();

  // Picked, then posted before the upload finishes: Post waits for it.
  await textOf(page).fill("Posted while uploading");
  const secondUpload = page.waitForRequest("**/api/media/upload");
  await chooseFile(page, composer, "second.png");
  await secondUpload;
  await expect(composer.getByRole("progressbar", { name: "Uploading 1 file" })).toBeVisible();
  const created = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/posts",
  );
  await composer.getByRole("button", { name: "Post", exact: true }).click();
  await expect(composer.getByRole("button", { name: /Uploading/ })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  release();
  const post = await (await created).json();
  expect(post.media).toHaveLength(1);
  await expect(composer.getByText("Your post is live.")).toBeVisible();
});

test("an image without alt text gets a polite reminder; posting without it still works", async ({
  page,
  user: _user,
}) => {
  await page.goto("/");
  const composer = composerOf(page);
  await chooseFile(page, composer, "a.png");
  await chooseFile(page, composer, "b.png");
  const reminder = composer.getByText(/have no alt text/);
  await expect(reminder).toHaveText(/^Image 1 and image 2 have no alt text\./);
  await expect(reminder).toHaveAttribute("aria-live", "polite");

  await composer.getByLabel("Alt text for image 1").fill("A grey square");
  await expect(composer.getByText(/has no alt text/)).toHaveText(/^Image 2 has no alt text\./);
  await composer.getByLabel("Alt text for image 2").fill("Another grey square");
  await expect(composer.getByText(/no alt text/)).toBeHidden();
  await composer.getByLabel("Alt text for image 2").fill("");
  await expect(composer.getByText(/^Image 2 has no alt text/)).toBeVisible();

  // Allowed all the same; the alt text typed after the upload is saved with the post.
  const created = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/posts",
  );
  await composer.getByRole("button", { name: "Post", exact: true }).click();
  expect((await created).status()).toBe(201);
  const article = homeFeed(page).getByRole("article").first();
  await expect(article.getByRole("img", { name: "A grey square" })).toBeVisible();
});

test("the counter shows what's left and Post is disabled while over the limit", async ({
  page,
  user: _user,
}) => {
  await page.goto("/");
  const composer = composerOf(page);
  const post = composer.getByRole("button", { name: "Post", exact: true });
  await textOf(page).fill("x".repeat(1900));
  await expect(composer.getByText("100 of 2000 characters left", { exact: true })).toBeAttached();
  await expect(post).not.toHaveAttribute("aria-disabled");

  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/posts") posted = true;
  });
  await textOf(page).fill("x".repeat(2001));
  await expect(composer.getByText("characters over the limit", { exact: true })).toBeAttached();
  await expect(post).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("1 character over the limit")).toBeAttached();
  // Clicked anyway (Playwright won't click a disabled button unless forced), and Ctrl+Enter.
  await post.click({ force: true });
  await textOf(page).press("Control+Enter");
  expect(posted).toBe(false);

  await textOf(page).press("Backspace");
  await expect(post).not.toHaveAttribute("aria-disabled");
});

test("a bare www. address or an https:// link in a post is a link; javascript: is not", async ({
  page,
  api,
  user,
}) => {
  const text = `Read www.example.org/guide, then (https://example.com/a?b=1). Not javascript:alert(1) ${hex()}`;
  expect(
    (await api("/api/posts", { method: "POST", token: user.token, body: { text } })).status,
  ).toBe(201);
  await page.goto("/");
  const post = homeFeed(page).getByRole("article").first();
  await expect(post).toContainText("Not javascript:alert(1)");

  const bare = post.getByRole("link", { name: /example\.org\/guide/ });
  await expect(bare).toHaveAttribute("href", "https://www.example.org/guide");
  await expect(bare).toHaveAttribute("rel", "noopener nofollow ugc");
  await expect(bare).toHaveAttribute("target", "_blank");
  const full = post.getByRole("link", { name: /example\.com\/a\?b=1/ });
  await expect(full).toHaveAttribute("href", "https://example.com/a?b=1");
  await expect(post.locator('a[href^="javascript:"]')).toHaveCount(0);
});
