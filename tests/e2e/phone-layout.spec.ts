// Issue 15, item 1: no page scrolls sideways on a phone. Every post card used to overflow at
// 390 px (the action row pushed "Report" off the card). Each page is visited at 320, 390 and
// 1280 px with content made to stress it (long unbroken words and URLs, a long name, a photo, a
// quote, an edited post, an unlocked paid post, notifications, a report for the moderator), and
// `document.documentElement.scrollWidth` must not exceed the window's width. Screenshots at
// 390 px are attached to the test's output for a person to look at.
import { expect, test, type Locator, type Page } from "./fixtures";
import {
  LONG_URL,
  LONG_WORD,
  buyPost,
  call,
  createPost,
  uniqueWord,
  uploadPhoto,
} from "./seed-posts";

const WIDTHS = [320, 390, 1280];

type Visit = { name: string; path: string; ready: (page: Page) => Locator };

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect
    .soft(scrollWidth, `${label}: page is ${scrollWidth} px wide in a ${innerWidth} px window`)
    .toBeLessThanOrEqual(innerWidth);
}

async function visitAll(page: Page, visits: Visit[], who: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const visit of visits) {
      await test.step(`${who}: ${visit.name} at ${width} px`, async () => {
        await page.goto(visit.path);
        await expect(visit.ready(page).first()).toBeVisible({ timeout: 30_000 });
        // Images and fonts settle the layout; nothing else is awaited (live updates keep a
        // connection open, so "network idle" would never come).
        await page.evaluate(() => document.fonts.ready);
        await expectNoSidewaysScroll(page, `${who} ${visit.path} at ${width} px`);
        if (width === 390) {
          await page.screenshot({
            path: test.info().outputPath(`${who}-${visit.name}-390.png`),
            fullPage: true,
          });
        }
      });
    }
  }
}

test("no page scrolls sideways at 320, 390 and 1280 px", async ({
  page,
  user: viewer,
  api,
  newUser,
  pageAs,
  browser,
}) => {
  // 17 pages at three widths, after seeding: long on a busy machine.
  test.setTimeout(600_000);
  const word = uniqueWord("layout");
  const creator = await newUser({
    displayName: `Maximiliana${"Wolfeschlegel".repeat(2)}`.slice(0, 40),
  });

  // The creator's posts, as the viewer will meet them.
  const photo = await uploadPhoto(api, creator);
  const long = await createPost(api, creator, {
    text: `${word} ${LONG_WORD} and a link ${LONG_URL} #${LONG_WORD.slice(0, 60)}`,
  });
  await createPost(api, creator, { text: `${word} with a photo ${LONG_WORD}`, mediaIds: [photo] });
  const paid = await createPost(api, creator, {
    text: `${word} paid ${LONG_WORD} ${LONG_URL}`,
    price: { amount: 250, currency: "USD" },
  });
  await call(api, creator, "PUT", `/api/posts/${long.id}`, {
    text: `${word} ${LONG_WORD} edited, with ${LONG_URL}`,
  });

  // The viewer follows, reposts, saves, quotes, buys; their own post gets liked and a comment.
  await call(api, viewer, "POST", `/api/users/${creator.user.id}/follow`);
  await call(api, viewer, "POST", `/api/posts/${long.id}/repost`);
  await call(api, viewer, "POST", `/api/posts/${long.id}/save`);
  await call(api, viewer, "POST", `/api/posts/${long.id}/react`, { emoji: "🔥" });
  await createPost(api, viewer, { text: `${word} quoting ${LONG_WORD}`, quotedPostId: long.id });
  await buyPost(api, viewer, paid.id);
  const own = await createPost(api, viewer, { text: `${word} mine ${LONG_URL}` });
  await call(api, creator, "POST", `/api/users/${viewer.user.id}/follow`);
  await call(api, creator, "POST", `/api/posts/${own.id}/like`);
  await call(api, creator, "POST", `/api/posts/${own.id}/comments`, {
    text: `${LONG_WORD} ${LONG_URL}`,
  });
  await call(api, viewer, "POST", "/api/reports", {
    targetType: "post",
    targetId: long.id,
    reason: "spam",
    details: LONG_WORD,
  });

  const article = (page: Page) => page.getByRole("article").filter({ hasText: word });
  const heading = (page: Page) => page.getByRole("heading", { level: 1 });

  // The home feed is filled by the events worker: wait for the creator's post to arrive.
  await expect(async () => {
    await page.goto("/");
    await expect(article(page).filter({ hasText: "reposted" }).first()).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });

  await visitAll(
    page,
    [
      { name: "home", path: "/", ready: article },
      { name: "explore", path: "/explore", ready: article },
      { name: "search", path: `/search?q=${word}&tab=posts`, ready: article },
      { name: "profile", path: `/u/${creator.credentials.username}`, ready: article },
      { name: "post", path: `/p/${long.id}`, ready: article },
      {
        name: "paid-post",
        path: `/p/${paid.id}`,
        ready: (p) => p.getByText("Unlocked · you bought this post"),
      },
      { name: "saved", path: "/saved", ready: article },
      { name: "notifications", path: "/notifications", ready: heading },
      { name: "settings-profile", path: "/settings/profile", ready: heading },
      { name: "settings-account", path: "/settings/account", ready: heading },
      { name: "settings-safety", path: "/settings/safety", ready: heading },
      { name: "earnings", path: "/earnings", ready: heading },
      { name: "purchases", path: "/purchases", ready: heading },
      { name: "docs", path: "/docs/api", ready: heading },
    ],
    "viewer",
  );

  // The test server names this address in ADMIN_EMAILS (tests/support/start-test-server.ts).
  const admin = await pageAs(await newUser({ email: "admin-layout@example.com" }));
  await visitAll(
    admin,
    [
      {
        name: "moderation",
        path: "/moderation",
        ready: (p) => p.getByRole("button", { name: "Dismiss" }),
      },
    ],
    "admin",
  );

  const context = await browser.newContext();
  const signedOut = await context.newPage();
  await visitAll(
    signedOut,
    [
      { name: "signin", path: "/signin", ready: heading },
      { name: "signup", path: "/signup", ready: heading },
      { name: "forgot-password", path: "/forgot-password", ready: heading },
      { name: "reset-password", path: "/reset-password?token=example", ready: heading },
      { name: "post", path: `/p/${long.id}`, ready: article },
      { name: "profile", path: `/u/${creator.credentials.username}`, ready: article },
    ],
    "signed-out",
  );
  await context.close();
});
