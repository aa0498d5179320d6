// Live updates in the browser (/api/streaming): the bell's count changes the moment a
// notification is written, not at the next poll, and polls when the stream is unreachable; new
// posts in the home feed wait behind an "N new posts" button instead of moving the list, and
// deleted ones leave it; a hidden tab lets the stream go and, shown again, resumes it with
// Last-Event-ID.
import { expect, test, type Page, type Request } from "./fixtures";

const bell = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

const isStream = (url: string) => new URL(url).pathname === "/api/streaming";

/** Opens `path` and waits until the page's live stream has answered 200. */
async function openWithStream(page: Page, path: string) {
  const opened = page.waitForResponse((res) => isStream(res.url()) && res.status() === 200);
  await page.goto(path);
  await opened;
}

/** Plays the tab being hidden or shown again, as the browser reports it. */
async function setTabVisible(page: Page, visible: boolean) {
  await page.evaluate((visible) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (visible ? "visible" : "hidden"),
    });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => !visible });
    document.dispatchEvent(new Event("visibilitychange"));
  }, visible);
}

test("the bell counts a like live, without polling and without a reload", async ({
  page,
  api,
  user: author,
  newUser,
}) => {
  test.setTimeout(60_000);
  const fan = await newUser();
  const post = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: "Like me live" },
  });
  expect(post.status).toBe(201);
  const unread = async () =>
    (await api("/api/notifications/unread-count", { token: author.token })).body.count as number;
  // The welcome is written in the background, a moment after sign-up.
  await expect.poll(unread, { timeout: 15_000 }).toBe(1);

  await openWithStream(page, "/");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");

  // From here on, the count must not come from asking for it: the stream is open, so the
  // 15-second poll is off, and the new count arrives as an event.
  const polls: Request[] = [];
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === "/api/notifications/unread-count") polls.push(req);
  });
  const liked = await api(`/api/posts/${post.body.id}/like`, { method: "POST", token: fan.token });
  expect(liked.status).toBe(200);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread", { timeout: 15_000 });
  expect(polls).toEqual([]);
  await expect(bell(page).locator("[data-unread-badge]")).toHaveText("2");
});

test("with the stream unreachable, the bell falls back to polling", async ({
  page,
  api,
  user: author,
  newUser,
}) => {
  test.setTimeout(60_000);
  const fan = await newUser();
  const post = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: "Poll me" },
  });
  expect(post.status).toBe(201);
  const unread = async () =>
    (await api("/api/notifications/unread-count", { token: author.token })).body.count as number;
  await expect.poll(unread, { timeout: 15_000 }).toBe(1);

  // A proxy that drops the stream, say.
  let attempts = 0;
  await page.route(
    (url) => isStream(url.href),
    (route) => {
      attempts++;
      return route.abort("connectionreset");
    },
  );
  await page.goto("/");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect.poll(() => attempts).toBeGreaterThan(0);

  await api(`/api/posts/${post.body.id}/like`, { method: "POST", token: fan.token });
  await expect.poll(unread, { timeout: 15_000 }).toBe(2);
  // The next poll (every 15 s) brings it.
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread", { timeout: 20_000 });
});

test("on a phone, new posts wait behind an 'N new posts' button that loads them", async ({
  page,
  api,
  user: reader,
  newUser,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const writer = await newUser();
  const earlier = await api("/api/posts", {
    method: "POST",
    token: writer.token,
    body: { text: "Already in the feed" },
  });
  expect(earlier.status).toBe(201);
  const followed = await api(`/api/users/${writer.user.id}/follow`, {
    method: "POST",
    token: reader.token,
  });
  expect(followed.status).toBe(200);

  await openWithStream(page, "/");
  const feed = page.getByRole("list", { name: "Home feed" });
  await expect(feed.getByRole("article").first()).toContainText("Already in the feed");
  const firstCardBefore = await feed.getByRole("article").first().boundingBox();

  const fresh = await api("/api/posts", {
    method: "POST",
    token: writer.token,
    body: { text: "Hot off the press" },
  });
  expect(fresh.status).toBe(201);

  const button = page.getByRole("button", { name: "1 new post" });
  await expect(button).toBeVisible({ timeout: 15_000 });
  // Announced politely, and the list itself has not moved, not even by the button's height.
  await expect(page.locator('[aria-live="polite"]').filter({ has: button })).toHaveCount(1);
  await expect(feed.getByText("Hot off the press")).toHaveCount(0);
  await expect(feed.getByRole("article").first()).toContainText("Already in the feed");
  expect(await feed.getByRole("article").first().boundingBox()).toEqual(firstCardBefore);
  // A thumb's target, in the Tab order.
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expect(button).toHaveJSProperty("tabIndex", 0);

  // Pressed from the keyboard.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(feed.getByRole("article").first()).toContainText("Hot off the press");
  await expect(page.getByRole("button", { name: /new posts?$/ })).toHaveCount(0);
  await expect(feed).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test("a hidden tab drops the stream and, shown again, resumes it from the last event", async ({
  page,
  api,
  user: reader,
  newUser,
}) => {
  test.setTimeout(60_000);
  const writer = await newUser();
  await api(`/api/users/${writer.user.id}/follow`, { method: "POST", token: reader.token });
  await openWithStream(page, "/");

  // One event first, so the tab has an id to resume from.
  await api("/api/posts", { method: "POST", token: writer.token, body: { text: "First" } });
  await expect(page.getByRole("button", { name: "1 new post" })).toBeVisible({ timeout: 15_000 });

  const dropped = page.waitForEvent("requestfailed", (req) => isStream(req.url()));
  await setTabVisible(page, false);
  await dropped;
  // While hidden, another post: nothing is listening in this tab.
  await api("/api/posts", { method: "POST", token: writer.token, body: { text: "Second" } });

  const resumed = page.waitForRequest((req) => isStream(req.url()));
  await setTabVisible(page, true);
  const request = await resumed;
  expect(request.headers()["last-event-id"]).toMatch(/^\d+$/);
  // The server replays what was missed.
  await expect(page.getByRole("button", { name: "2 new posts" })).toBeVisible({ timeout: 15_000 });
});

test("a post deleted by its author leaves the open feed", async ({
  page,
  api,
  user: reader,
  newUser,
}) => {
  test.setTimeout(60_000);
  const writer = await newUser();
  await api(`/api/users/${writer.user.id}/follow`, { method: "POST", token: reader.token });
  const kept = await api("/api/posts", {
    method: "POST",
    token: writer.token,
    body: { text: "Kept" },
  });
  const gone = await api("/api/posts", {
    method: "POST",
    token: writer.token,
    body: { text: "Regretted" },
  });
  expect([kept.status, gone.status]).toEqual([201, 201]);

  await openWithStream(page, "/");
  const feed = page.getByRole("list", { name: "Home feed" });
  await expect(feed.getByText("Regretted")).toBeVisible();

  const deleted = await api(`/api/posts/${gone.body.id}`, {
    method: "DELETE",
    token: writer.token,
  });
  expect(deleted.status).toBe(204);
  await expect(feed.getByText("Regretted")).toHaveCount(0, { timeout: 15_000 });
  await expect(feed.getByText("Kept")).toBeVisible();
});
