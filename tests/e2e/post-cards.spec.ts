// Issue 15, items 1, 3 and 4, on the post card itself: the secondary actions live in a "…"
// menu; a click anywhere on the card (but its links and buttons, a modifier click or the end of
// a text selection) opens the post, where focus lands on the post; every button and link on the
// card is at least 24 × 24 px (WCAG 2.5.8); liking a repost keeps its "X reposted" line.
import { expect, test, type Locator, type Page } from "./fixtures";
import { LONG_URL, call, createPost, uniqueWord } from "./seed-posts";

const homeFeed = (page: Page) => page.getByRole("list", { name: "Home feed" });

/** The home feed's card with this text, once the events worker has put it there. */
async function cardInFeed(page: Page, text: string, extra?: string): Promise<Locator> {
  let card = homeFeed(page).getByRole("article").filter({ hasText: text });
  if (extra) card = card.filter({ hasText: extra });
  await expect(async () => {
    await page.goto("/");
    await expect(card.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return card.first();
}

/** Buttons and links smaller than 24 × 24 px, except links inside a line of text (2.5.8's inline exception). */
async function smallTargets(card: Locator) {
  return card.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>("a, button"))
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== "inline")
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName} "${el.textContent?.trim() || el.getAttribute("title")}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

/** The menu's entries by their accessible names (their icons are hidden), in order. */
async function expectItems(menu: Locator, names: string[]) {
  await expect(menu.getByRole("menuitem")).toHaveCount(names.length);
  for (const [i, name] of names.entries()) {
    await expect(menu.getByRole("menuitem").nth(i)).toHaveAccessibleName(name);
  }
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("a click anywhere on the card opens the post, and focus lands on it", async ({
      page,
      user,
      api,
      newUser,
    }) => {
      test.setTimeout(90_000);
      const word = uniqueWord("open");
      const creator = await newUser();
      await call(api, user, "POST", `/api/users/${creator.user.id}/follow`);
      const post = await createPost(api, creator, { text: `${word} plain words to click on` });

      const card = await cardInFeed(page, word);
      // Its controls do their own thing: liking stays on the feed.
      await card.getByRole("button", { name: /^Like/ }).click();
      await expect(card.getByRole("button", { name: /^Like/ })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      await expect(page).toHaveURL(/\/$/);

      // A modifier click is the browser's (new tab, selection): the card ignores it.
      await card.getByText("plain words to click on").click({ modifiers: ["Control"] });
      // Selecting text with the pointer ends in a click on the card too: it stays.
      const text = card.getByText("plain words to click on");
      const box = (await text.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForTimeout(500);
      await expect(page).toHaveURL(/\/$/);

      // A plain click on the words opens the post; focus is on the post, not left on <body>.
      await page.mouse.click(0, 0);
      await text.click();
      await expect(page).toHaveURL(new RegExp(`/p/${post.id}$`));
      const opened = page.getByRole("main").getByRole("article").first();
      await expect(opened).toContainText(word);
      await expect(opened).toBeFocused();

      // So does a click on the card's empty corner, and the timestamp link for the keyboard.
      await page.goBack();
      const again = await cardInFeed(page, word);
      await again.click({ position: { x: 6, y: 6 } });
      await expect(page).toHaveURL(new RegExp(`/p/${post.id}$`));
      await page.goBack();
      const third = await cardInFeed(page, word);
      await third
        .getByRole("link")
        .filter({ has: page.locator("time") })
        .focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/p/${post.id}$`));
      await expect(page.getByRole("main").getByRole("article").first()).toBeFocused();
    });

    test("every button and link on a card is at least 24 × 24 px", async ({
      page,
      user,
      api,
      newUser,
    }) => {
      test.setTimeout(90_000);
      const word = uniqueWord("tap");
      const creator = await newUser();
      const reposter = await newUser();
      await call(api, user, "POST", `/api/users/${reposter.user.id}/follow`);
      const quoted = await createPost(api, creator, { text: `${word} the original` });
      const post = await createPost(api, creator, {
        text: `${word} with #tags, @${reposter.credentials.username} and ${LONG_URL}`,
        quotedPostId: quoted.id,
      });
      await call(api, creator, "PUT", `/api/posts/${post.id}`, {
        text: `${word} edited ${LONG_URL}`,
      });
      await call(api, reposter, "POST", `/api/posts/${post.id}/repost`);
      await call(api, user, "POST", `/api/posts/${post.id}/react`, { emoji: "🔥" });

      const card = await cardInFeed(page, `${word} edited`, "reposted");
      await expect(card.getByRole("button", { name: /Edited/ })).toBeVisible();
      expect(await smallTargets(card)).toEqual([]);

      // And the menu's entries, which a thumb presses too.
      await card.getByRole("button", { name: "More options for this post" }).click();
      const menu = page.getByRole("menu", { name: "Post options" });
      await expect(menu).toBeVisible();
      expect(await smallTargets(menu)).toEqual([]);

      // On the post page as well.
      await page.goto(`/p/${post.id}`);
      const standalone = page.getByRole("main").getByRole("article").first();
      await expect(standalone).toContainText(word);
      expect(await smallTargets(standalone)).toEqual([]);
    });
  });
}

test("the … menu has the secondary actions; the author's has Edit and Delete", async ({
  page,
  context,
  user,
  api,
  newUser,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const word = uniqueWord("menu");
  const creator = await newUser();
  await call(api, user, "POST", `/api/users/${creator.user.id}/follow`);
  const post = await createPost(api, creator, { text: `${word} someone else's` });
  await call(api, creator, "PUT", `/api/posts/${post.id}`, {
    text: `${word} someone else's, edited`,
  });
  await createPost(api, user, { text: `${word} my own` });

  const theirs = await cardInFeed(page, `${word} someone`);
  // Nothing secondary sits on the card itself any more.
  await expect(theirs.getByRole("button", { name: "Report" })).toHaveCount(0);
  await expect(theirs.getByRole("link", { name: /^Tip/ })).toHaveCount(0);

  const more = theirs.getByRole("button", { name: "More options for this post" });
  await more.click();
  const menu = page.getByRole("menu", { name: "Post options" });
  await expectItems(menu, [
    "Share",
    "Copy link",
    "Quote",
    "Edit history",
    `Tip @${creator.credentials.username}`,
    "Report post",
  ]);
  // The first entry has focus; Escape closes and gives it back to the button.
  await expect(menu.getByRole("menuitem", { name: "Share" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  // Copy link puts the post's address on the clipboard, and says so.
  await more.click();
  await menu.getByRole("menuitem", { name: "Copy link" }).click();
  await expect(theirs.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(`/p/${post.id}`, page.url()).toString(),
  );
  // Opening a menu entry doesn't open the post underneath.
  await expect(page).toHaveURL(/\/$/);

  // Report opens its dialog; Edit history too.
  await more.click();
  await menu.getByRole("menuitem", { name: "Report post" }).click();
  const report = page.getByRole("dialog", { name: "Report this post" });
  await expect(report).toBeVisible();
  await report.getByRole("button", { name: "Cancel" }).click();
  await expect(report).toBeHidden();
  await more.click();
  await menu.getByRole("menuitem", { name: "Edit history" }).click();
  await expect(page.getByRole("dialog", { name: /history/i })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/$/);

  const mine = homeFeed(page)
    .getByRole("article")
    .filter({ hasText: `${word} my own` });
  await mine.getByRole("button", { name: "More options for this post" }).click();
  await expectItems(page.getByRole("menu", { name: "Post options" }), [
    "Share",
    "Copy link",
    "Quote",
    "Pin to profile",
    "Edit post",
    "Delete post",
  ]);
});

test("liking a reposted post keeps its “reposted” line and the card stays put", async ({
  page,
  user,
  api,
  newUser,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 800 });
  const word = uniqueWord("repost");
  const creator = await newUser();
  const reposter = await newUser({ displayName: "Rae Poster" });
  await call(api, user, "POST", `/api/users/${reposter.user.id}/follow`);
  const post = await createPost(api, creator, { text: `${word} worth passing on` });
  await call(api, reposter, "POST", `/api/posts/${post.id}/repost`);

  const card = await cardInFeed(page, word, "Rae Poster");
  await expect(card.getByText(/Rae Poster\s*reposted/)).toBeVisible();
  // Hydrated (relative times replace the server's UTC dates), so only the like changes things.
  await expect(card.locator("time")).not.toContainText("UTC");
  const author = card.getByRole("heading");
  const offset = async () => (await author.boundingBox())!.y - (await card.boundingBox())!.y;
  const before = { offset: await offset(), height: (await card.boundingBox())!.height };

  const liked = page.waitForResponse(
    (r) => r.url().endsWith("/like") && r.request().method() === "POST",
  );
  await card.getByRole("button", { name: /^Like/ }).click();
  expect((await liked).status()).toBe(200);
  await expect(card.getByRole("button", { name: /^Like/ })).toHaveAttribute("aria-pressed", "true");
  // After the server's answer has replaced the cached copy.
  await expect(card.getByText(/Rae Poster\s*reposted/)).toBeVisible();
  // The author's name is where it was inside the card, and the card is as tall as it was.
  expect({ offset: await offset(), height: (await card.boundingBox())!.height }).toEqual(before);
});
