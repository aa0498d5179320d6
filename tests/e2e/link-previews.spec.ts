// The link card under a post's text, in the browser, at desktop and phone widths.
//
// The card's data is written into the database here rather than fetched by the app: the app
// fetches previews itself only from public addresses, and the test-only allowlist that would
// let it reach a local page server (LINK_PREVIEW_ALLOW_HOSTS) is refused in production, which
// is how the test server runs (`next start`). The fetching itself, against local servers, is
// covered by tests/integration/link-previews.test.ts. So this spec starts a server of its own on
// a database it can write to, lets the app's background function record its (refused) attempt,
// then fills that row in as a successful fetch would have, image file included.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { createApiClient } from "../support/api-client";
import { createAppDatabase, type AppDatabase } from "../support/app-database";
import { poll } from "../support/poll";
import { startTestServer, type TestServer } from "../support/start-test-server";
import { expect, test, type Browser } from "./fixtures";

let database: AppDatabase;
let server: TestServer;
let postId: string;

const LINK = "http://127.0.0.1:9/articles/very-long-slug-that-goes-on-and-on-without-spaces";
const TITLE = "Supercalifragilisticexpialidocious-and-other-very-long-unbroken-words in a title";

test.beforeAll(async ({ browserName: _ }, testInfo) => {
  testInfo.setTimeout(180_000);
  database = await createAppDatabase();
  server = await startTestServer({ name: "e2e-link-previews", env: database.env });

  const client = createApiClient(server.baseURL);
  const author = await client.registerAndSignIn();
  const created = await client.api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text: `Worth reading: ${LINK}` },
  });
  expect(created.status).toBe(201);
  postId = created.body.id;

  // The app's attempt (refused: loopback) is recorded on the post; fill it in as a fetch would.
  const linkPreviewId = await poll(
    async () => {
      const rows = await database.query<{ linkPreviewId: string | null }>(
        `SELECT "linkPreviewId" FROM "Post" WHERE id = $1`,
        [postId],
      );
      return rows[0]?.linkPreviewId;
    },
    { what: "the background preview attempt", timeoutMs: 20_000 },
  );
  const key = `${randomBytes(16).toString("hex")}/preview.webp`;
  const file = path.join(server.dataDir, "uploads", key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#2a6f4e" } })
      .webp()
      .toBuffer(),
  );
  await database.query(
    `UPDATE "LinkPreview" SET title = $2, description = $3, "siteName" = $4, "imageKey" = $5,
       "imageWidth" = 1200, "imageHeight" = 630 WHERE id = $1`,
    [
      linkPreviewId,
      TITLE,
      "A description long enough to wrap onto several lines on a phone, and then some more words so that it has to be cut off after three lines of text.",
      "Example News",
      key,
    ],
  );
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function openPost(browser: Browser, width: number) {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    viewport: { width, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`/p/${postId}`);
  return { page, close: () => context.close() };
}

for (const width of [1280, 390, 320]) {
  test(`shows the link card under the post's text at ${width} px`, async ({ browser }) => {
    const { page, close } = await openPost(browser, width);
    const card = page.getByRole("link", {
      name: new RegExp(`Example News.*${TITLE.slice(0, 30)}`),
    });
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("href", LINK);
    await expect(card).toHaveAttribute("target", "_blank");
    await expect(card).toHaveAttribute("rel", /noopener/);

    // The image is our stored copy, with alt text, loaded through the image optimizer.
    const image = card.getByRole("img", { name: `Image from Example News: ${TITLE}` });
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect(await image.getAttribute("src")).not.toContain("127.0.0.1:9");

    // It fits: inside the viewport, and the page doesn't scroll sideways.
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await close();
  });
}
