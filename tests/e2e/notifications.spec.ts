// Notifications in the browser: the header's bell picks up new notifications without a reload,
// the page lists them (grouped), marks them read and saves muted kinds.
import { expect, test, type Page } from "./fixtures";
import { plainPng } from "../support/media-fixtures";

const bell = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

test("the bell counts new notifications live, and the page reads and mutes them", async ({
  page,
  api,
  user: author,
  newUser,
}) => {
  test.setTimeout(90_000);
  const fans = [await newUser(), await newUser()];
  const post = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: "Notify me" },
  });
  expect(post.status).toBe(201);

  const unread = async () =>
    (await api("/api/notifications/unread-count", { token: author.token })).body.count as number;
  // The welcome is written in the background, a moment after sign-up.
  await expect.poll(unread, { timeout: 15_000 }).toBe(1);

  await page.goto("/");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");

  // Meanwhile, elsewhere: two likes. The bell updates by itself (live, or polling every 15 s).
  for (const fan of fans) {
    await api(`/api/posts/${post.body.id}/like`, { method: "POST", token: fan.token });
  }
  await expect.poll(unread, { timeout: 15_000 }).toBe(3);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 3 unread", { timeout: 20_000 });

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const list = page.getByRole("region", { name: "Your notifications" });
  await expect(list.getByRole("link", { name: /and .* liked your post/ })).toBeVisible();
  await expect(list.getByRole("link", { name: /^Unread: Welcome to Grover/ })).toBeVisible();

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(list.getByText("Unread:")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all as read" })).toBeDisabled();

  const likes = page.getByRole("checkbox", { name: "Likes on my posts" });
  await expect(likes).toBeChecked();
  await likes.uncheck();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Likes on my posts" })).not.toBeChecked();
});

test("email settings sit next to the in-app ones: money on, social off, each saved at once", async ({
  page,
  api,
  user,
}) => {
  await page.goto("/notifications");
  const email = page.getByRole("region", { name: "Email me about" });
  await expect(email.getByRole("checkbox", { name: "Receipts for my payments" })).toBeChecked();
  await expect(email.getByRole("checkbox", { name: "Payouts sent or failed" })).toBeChecked();
  const followers = email.getByRole("checkbox", { name: "New followers" });
  await expect(followers).not.toBeChecked();

  await followers.check();
  await expect(email.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await email.getByRole("checkbox", { name: "Tips and sales of my posts" }).uncheck();
  await expect(email.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect
    .poll(async () => (await api("/api/notifications/settings", { token: user.token })).body)
    .toMatchObject({
      emailKinds: { new_follower: true, payments_received: false, receipts: true },
    });

  await page.reload();
  const reloaded = page.getByRole("region", { name: "Email me about" });
  await expect(reloaded.getByRole("checkbox", { name: "New followers" })).toBeChecked();
  await expect(
    reloaded.getByRole("checkbox", { name: "Tips and sales of my posts" }),
  ).not.toBeChecked();
  // The in-app settings are untouched.
  const inApp = page.getByRole("region", { name: "Notify me about" });
  await expect(inApp.getByRole("checkbox", { name: "New followers" })).toBeChecked();
});

test("on a phone, opening notifications clears the badge; rows show photos and open the post", async ({
  page,
  api,
  user: author,
  newUser,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  // A fan with a profile photo comments on the author's post.
  const fan = await newUser();
  const form = new FormData();
  form.append(
    "file",
    new Blob([new Uint8Array(await plainPng(400, 400))], { type: "image/png" }),
    "me.png",
  );
  form.append("alt", "");
  const uploaded = await api("/api/media/upload", { method: "POST", token: fan.token, body: form });
  expect(uploaded.status).toBe(201);
  const profile = await api("/api/users/profile", {
    method: "PUT",
    token: fan.token,
    body: { avatarId: uploaded.body.items[0].id },
  });
  expect(profile.status).toBe(200);
  const post = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: "Tell me something" },
  });
  await api(`/api/posts/${post.body.id}/comments`, {
    method: "POST",
    token: fan.token,
    body: { text: "Something" },
  });
  const unread = async () =>
    (await api("/api/notifications/unread-count", { token: author.token })).body.count as number;
  // The welcome and the comment.
  await expect.poll(unread, { timeout: 15_000 }).toBe(2);

  await page.goto("/");
  const tabs = page.getByRole("navigation", { name: "Tabs" });
  await tabs.getByRole("link", { name: "Notifications, 2 unread" }).click();
  await expect(page).toHaveURL(/\/notifications$/);

  // Seen is read: the badge clears, on the server too.
  await expect(tabs.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(tabs.locator("[data-unread-badge]")).toHaveCount(0);
  await expect.poll(unread).toBe(0);

  // The fan's photo, not their initials.
  const list = page.getByRole("region", { name: "Your notifications" });
  const row = list.getByRole("link", { name: /commented on your post/ });
  const photo = row.locator('img[src*="%2Fapi%2Fmedia%2F"]');
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  // One tap anywhere on the row (here its excerpt, not a small link) opens the post.
  await row.getByText("Something").click();
  await expect(page).toHaveURL(new RegExp(`/p/${post.body.id}$`));
  await expect(
    page.getByRole("main").getByText("Tell me something", { exact: true }),
  ).toBeVisible();
});
