// Posts in the browser: a fan follows a creator, finds the creator's post at the top of the home
// feed, likes, reacts to, saves and comments on it, finds it by search, and posts from the
// composer, against the real app and database.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "./fixtures";

/** A made-up word, letters only, so full-text search (English stemming) keeps it whole. */
function uniqueWord(prefix: string): string {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26)));
  return `${prefix}${letters.join("")}`;
}

/** Waits for the API call a click makes, so a reload afterwards sees what the server stored. */
function apiCall(page: Page, method: string, path: string) {
  return page.waitForResponse(
    (r) => r.request().method() === method && new URL(r.url()).pathname === path,
  );
}

const homeFeed = (page: Page) => page.getByRole("list", { name: "Home feed" });

test("a fan follows a creator, engages with their post, finds it by search and posts", async ({
  page,
  api,
  user: { credentials: fan },
  newUser,
}) => {
  test.setTimeout(120_000);

  // A, the creator, exists already; B, the fan, whom the page is signed in as, follows A.
  const creator = await newUser();
  const a = creator.credentials;

  await page.goto(`/u/${a.username}`);
  const followed = apiCall(page, "POST", `/api/users/${creator.user.id}/follow`);
  await page.getByRole("button", { name: `Follow ${a.displayName}` }).click();
  expect((await followed).status()).toBe(200);
  await expect(page.getByRole("button", { name: `Unfollow ${a.displayName}` })).toBeVisible();

  // A posts through the API, with a word to search for and a hashtag.
  const word = uniqueWord("harbour");
  const tag = uniqueWord("sketch");
  const created = await api("/api/posts", {
    method: "POST",
    token: creator.token,
    body: { text: `Sunrise study, ${word} edition. #${tag}` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const postId: string = created.body.id;

  // B's home feed has it at the top, with the hashtag linked to a posts search.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const top = homeFeed(page).getByRole("article").first();
  await expect(top).toContainText(word);
  await expect(top).toHaveAccessibleName(new RegExp(`^${a.displayName}`));
  await expect(top.getByRole("link", { name: `#${tag}` })).toHaveAttribute(
    "href",
    `/search?q=%23${tag}&tab=posts`,
  );

  // Like: pressed with a count of 1, and still so after a reload.
  const like = top.getByRole("button", { name: /^Like/ });
  await expect(like).toHaveAttribute("aria-pressed", "false");
  const liked = apiCall(page, "POST", `/api/posts/${postId}/like`);
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toHaveAccessibleName("Like 1");
  expect((await liked).status()).toBe(200);
  await page.reload();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toHaveAccessibleName("Like 1");

  // React with 🔥, by keyboard: the picker is a menu of toggles, and focus comes back after.
  const reactButton = top.getByRole("button", { name: "Add a reaction" });
  await reactButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Choose a reaction" });
  await expect(menu.getByRole("menuitemcheckbox", { name: "Heart" })).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  const fire = menu.getByRole("menuitemcheckbox", { name: "Fire" });
  await expect(fire).toBeFocused();
  await expect(fire).toHaveAttribute("aria-checked", "false");
  const reacted = apiCall(page, "POST", `/api/posts/${postId}/react`);
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(reactButton).toBeFocused();
  const fireChip = top
    .getByRole("list", { name: "Reactions" })
    .getByRole("button", { name: "Fire" });
  await expect(fireChip).toHaveAttribute("aria-pressed", "true");
  await expect(fireChip).toHaveText(/🔥\s*Fire\s*1/);
  expect((await reacted).status()).toBe(200);

  // Save: pressed, and the post is on the Saved page.
  const save = top.getByRole("button", { name: "Save" });
  const saved = apiCall(page, "POST", `/api/posts/${postId}/save`);
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  expect((await saved).status()).toBe(200);
  const mainNav = page.getByRole("navigation", { name: "Main" });
  await mainNav.getByRole("button", { name: "More" }).click();
  await mainNav.getByRole("menuitem", { name: "Saved" }).click();
  await expect(page).toHaveURL(/\/saved$/);
  await expect(page.getByRole("heading", { level: 1, name: "Saved" })).toBeVisible();
  const savedPost = page.getByRole("list", { name: "Saved posts" }).getByRole("article").first();
  await expect(savedPost).toContainText(word);

  // The post page: a comment appears under the post, and stays after a reload.
  await savedPost.getByRole("link", { name: "Comment" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${postId}#comments$`));
  await expect(
    page.getByRole("heading", { level: 1, name: `${a.displayName}’s post` }),
  ).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(word));
  const comment = `Love the light here, ${uniqueWord("so")}!`;
  await page.getByRole("textbox", { name: "Add a comment" }).fill(comment);
  const commented = apiCall(page, "POST", `/api/posts/${postId}/comments`);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  expect((await commented).status()).toBe(201);
  const comments = page.getByRole("list", { name: "Comments" });
  await expect(comments.getByRole("article")).toHaveCount(1);
  await expect(comments.getByRole("article").first()).toContainText(comment);
  await expect(comments.getByRole("article").first()).toContainText(fan.displayName);
  await expect(page.getByRole("textbox", { name: "Add a comment" })).toHaveValue("");
  await page.reload();
  await expect(comments.getByRole("article").first()).toContainText(comment);
  await expect(page.getByRole("link", { name: "1 comment", exact: true })).toBeVisible();

  // Search: by the word on the Posts tab, then by the #hashtag, which opens the Posts tab.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Search" })
    .click();
  const searchbox = page.getByRole("searchbox", { name: "Search" });
  await searchbox.fill(word);
  await page.getByRole("tab", { name: "Posts" }).click();
  await expect(page.getByRole("tab", { name: "Posts", selected: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}&tab=posts`));
  await expect(
    page.getByRole("list", { name: `Posts matching “${word}”` }).getByRole("article"),
  ).toContainText(word);

  await page.goto("/search");
  await expect(page.getByRole("tab", { name: "People", selected: true })).toBeVisible();
  await searchbox.fill(`#${tag}`);
  await expect(page.getByRole("tab", { name: "Posts", selected: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]q=%23${tag}$`));
  const tagged = page.getByRole("list", { name: `Posts matching “#${tag}”` }).getByRole("article");
  await expect(tagged).toHaveCount(1);
  await expect(tagged).toContainText(word);

  // B posts from the composer: it's at the top of the feed at once, and after a reload.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/$/);
  const mine = `First post here! Working on ${uniqueWord("linocut")} #wip`;
  const composer = page.getByRole("combobox", { name: "Write a post" });
  await composer.fill(mine);
  // The caret ends in "#wip": close its suggestions, which may cover the Post button.
  await composer.press("Escape");
  const posted = apiCall(page, "POST", "/api/posts");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByRole("status").filter({ hasText: "Your post is live." })).toBeVisible();
  await expect(composer).toHaveValue("");
  const newest = homeFeed(page).getByRole("article").first();
  await expect(newest).toContainText(mine);
  await expect(newest).toHaveAccessibleName(new RegExp(`^${fan.displayName}`));
  await page.reload();
  await expect(homeFeed(page).getByRole("article").first()).toContainText(mine);
  await expect(homeFeed(page).getByRole("article").nth(1)).toContainText(word);
});

test("signed out, the home page welcomes and shows what's popular; Saved asks to sign in", async ({
  page,
  api,
  newUser,
}) => {
  const creator = await newUser();
  const word = uniqueWord("pottery");
  const created = await api("/api/posts", {
    method: "POST",
    token: creator.token,
    body: { text: `Fresh from the kiln: ${word}` },
  });
  expect(created.status).toBe(201);
  // Ten newer posts with a like each rank above it: the page arrives with ten posts.
  const fan = await newUser();
  for (let i = 0; i < 10; i++) {
    const liked = await api("/api/posts", {
      method: "POST",
      token: fan.token,
      body: { text: `Glaze test ${i}` },
    });
    expect(liked.status).toBe(201);
    const like = await api(`/api/posts/${liked.body.id}/like`, {
      method: "POST",
      token: creator.token,
    });
    expect(like.status).toBe(200);
  }

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Grover" })).toBeVisible();
  const popular = page.getByRole("list", { name: "Popular posts" });
  // Below the first ten the page arrives with: read on, as a visitor would, until it shows.
  const fresh = popular.getByRole("article").filter({ hasText: word });
  await expect(async () => {
    if (await fresh.isVisible()) return;
    await page.getByRole("button", { name: "Load more" }).click({ timeout: 1_000 });
    await expect(fresh).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // Signed out there is nothing to press but a way to sign in.
  await expect(popular.getByRole("button", { name: /^Like/ })).toHaveCount(0);

  await page.goto(`/p/${created.body.id}`);
  await expect(page.getByRole("link", { name: "Sign in to comment" })).toBeVisible();

  await page.goto("/saved");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsaved$/);

  await page.goto("/p/no-such-post");
  await expect(page.getByRole("heading", { level: 1, name: "This post isn’t here" })).toBeVisible();
});

test("an author reposts, then deletes their own post after confirming, and it is gone", async ({
  page,
  user: _user,
}) => {
  test.setTimeout(90_000);
  const word = uniqueWord("gone");
  await page.goto("/");
  await page.getByRole("combobox", { name: "Write a post" }).fill(`Short-lived ${word}`);
  const created = apiCall(page, "POST", "/api/posts");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  expect((await created).status()).toBe(201);
  const post = homeFeed(page).getByRole("article").filter({ hasText: word });
  await expect(post).toBeVisible();

  const reposted = page.waitForResponse((r) => r.url().endsWith("/repost"));
  await post.getByRole("button", { name: "Repost" }).click();
  expect((await reposted).status()).toBe(200);
  await expect(post.getByRole("button", { name: "Repost" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await post.getByRole("button", { name: "More options" }).click();
  await page.getByRole("menuitem", { name: "Delete post" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this post?" });
  // Cancel has focus: Enter by reflex keeps the post.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Delete post" }).click();
  await expect(dialog).toBeHidden();
  await expect(homeFeed(page).getByRole("article").filter({ hasText: word })).toHaveCount(0);
});
