// Discovery and profiles in the browser, at a phone's width and a desktop's: explore shows
// what's trending and whom to follow, a new account lands on /welcome, a pinned post comes first
// on the profile, and the Posts, Replies and Media tabs show what they say.
import { randomInt } from "node:crypto";
import { uniqueUser } from "../support/api-client";
import { fillSignUp } from "./account-forms";
import { expect, test, type Locator, type Page } from "./fixtures";

function uniqueTag(): string {
  return `tr${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("")}`;
}

/**
 * This feature's parts fit the screen: nothing in them reaches past the window's right edge or
 * scrolls sideways. (Whole pages are checked by the layout spec; post cards are another item's.)
 */
async function expectFits(page: Page, part: Locator) {
  const innerWidth = await page.evaluate(() => window.innerWidth);
  const box = await part.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(innerWidth);
  const [scrollWidth, clientWidth] = await part.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("explore shows trending tags and who to follow", async ({ page, api, user, newUser }) => {
      const [friend, suggested] = await Promise.all([newUser(), newUser()]);
      const follow = (token: string, id: string) =>
        api(`/api/users/${id}/follow`, { method: "POST", token });
      await follow(user.token, friend.user.id);
      await follow(friend.token, suggested.user.id);
      const tag = uniqueTag();
      for (let i = 0; i < 4; i++) {
        const res = await api("/api/posts", {
          method: "POST",
          token: friend.token,
          body: { text: `Trying out #${tag} number ${i}` },
        });
        expect(res.status).toBe(201);
      }

      await page.goto("/explore");
      const trending = page.getByRole("region", { name: "Trending now" });
      const tagLink = trending.getByRole("link", { name: new RegExp(`#${tag}`) });
      await expect(tagLink).toBeVisible();
      await expect(tagLink).toContainText("4 posts");

      const who = page.getByRole("region", { name: "Who to follow" });
      await expect(who.getByText("Followed by 1 person you follow")).toBeVisible();
      const followButton = who.getByRole("button", {
        name: `Follow ${suggested.credentials.displayName}`,
      });
      await expect(followButton).toBeVisible();
      await expectFits(page, trending);
      await expectFits(page, who);
      await followButton.click();
      await expect(
        who.getByRole("button", { name: `Unfollow ${suggested.credentials.displayName}` }),
      ).toBeVisible();

      await tagLink.click();
      await expect(page).toHaveURL(new RegExp(`/search\\?q=%23${tag}`));
    });

    test("a pinned post comes first, and the tabs show replies and media", async ({
      page,
      api,
      user,
      newUser,
    }) => {
      const post = async (text: string) => {
        const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      await post("An older post worth pinning");
      await post("The newest post");
      const other = await newUser();
      const theirs = await api("/api/posts", {
        method: "POST",
        token: other.token,
        body: { text: "Someone else's thoughts" },
      });
      await api(`/api/posts/${theirs.body.id}/comments`, {
        method: "POST",
        token: user.token,
        body: { text: "A reply of mine" },
      });

      const username = user.credentials.username;
      await page.goto(`/u/${username}`);
      const posts = page.getByRole("list", { name: `Posts by ${user.credentials.displayName}` });
      await expect(posts.getByRole("article").first()).toContainText("The newest post");
      const older = posts.getByRole("article").filter({ hasText: "An older post worth pinning" });
      await older.getByRole("button", { name: "More options for this post" }).click();
      await page.getByRole("menuitem", { name: "Pin to profile" }).click();

      // Pinned: first on the page, above the list, with its label; still so after a reload.
      const pinnedLabel = page.getByText(/^\W*Pinned$/);
      await expect(pinnedLabel).toBeVisible();
      await page.reload();
      await expect(pinnedLabel).toBeVisible();
      const firstArticle = page.getByRole("main").getByRole("article").first();
      await expect(firstArticle).toContainText("An older post worth pinning");
      await expectFits(page, page.getByRole("region", { name: user.credentials.displayName }));

      // Replies: the comment under the post it answers.
      const tabs = page.getByRole("navigation", { name: "Profile sections" });
      await tabs.getByRole("link", { name: "Replies" }).click();
      await expect(page).toHaveURL(/\?tab=replies$/);
      await expect(tabs.getByRole("link", { name: "Replies" })).toHaveAttribute(
        "aria-current",
        "page",
      );
      const replies = page.getByRole("list", {
        name: `Replies by ${user.credentials.displayName}`,
      });
      await expect(replies).toContainText("A reply of mine");
      await expect(replies).toContainText("Someone else's thoughts");
      await expect(pinnedLabel).toHaveCount(0);

      // Media: nothing with images yet.
      await tabs.getByRole("link", { name: "Media" }).click();
      await expect(page).toHaveURL(/\?tab=media$/);
      await expect(page.getByRole("heading", { name: "No photos or videos yet" })).toBeVisible();
      await expectFits(page, tabs);

      // Back on Posts, unpinning takes the label away.
      await tabs.getByRole("link", { name: "Posts" }).click();
      await expect(pinnedLabel).toBeVisible();
      await posts
        .getByRole("article")
        .filter({ hasText: "An older post worth pinning" })
        .getByRole("button", { name: "More options for this post" })
        .click();
      await page.getByRole("menuitem", { name: "Unpin" }).click();
      await expect(pinnedLabel).toHaveCount(0);
    });
  });
}

test("signing up lands on /welcome with people to follow and a way to the feed", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 900 });
  const user = uniqueUser();
  await page.goto("/signup");
  await fillSignUp(page, user);
  await expect(page).toHaveURL(/\/welcome$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Grover" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "People to follow" })).toBeVisible();
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await page.getByRole("link", { name: "Go to your feed" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
});
