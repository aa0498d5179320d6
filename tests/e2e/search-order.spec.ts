// Post search by words lists the newest match first, as Mastodon does, and "Top" puts the best
// match first; a #tag search has nothing to rank, so it offers no choice.
import { expect, test } from "./fixtures";
import { createPost, uniqueWord } from "./seed-posts";

test("word search shows the newest match first, and the best with Top", async ({
  page,
  api,
  newUser,
}) => {
  const author = await newUser();
  const word = uniqueWord("lantern");
  // The stronger match is written first, so only ranking can put it on top.
  await createPost(api, author, { text: `${word} twice: ${word} again` });
  await createPost(api, author, { text: `${word} once, newer` });

  await page.goto(`/search?q=${word}&tab=posts`);
  const results = page.getByRole("list", { name: `Posts matching “${word}”` });
  const first = results.getByRole("article").first();
  await expect(first).toContainText("once, newer");
  await expect(page.getByRole("radio", { name: "Latest" })).toBeChecked();

  await page.getByText("Top", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Top" })).toBeChecked();
  await expect(first).toContainText("again");
  // The address keeps the order, so a reload or a shared link opens on Top.
  await expect(page).toHaveURL(/[?&]sort=top\b/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "Top" })).toBeChecked();
  await expect(first).toContainText("again");

  await page.goto(`/search?q=%23${word}`);
  await expect(page.getByRole("radio", { name: "Latest" })).toHaveCount(0);
});
