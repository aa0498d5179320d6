// Media in the browser: a creator attaches photos to a post (from the file chooser, by drag and
// drop and by pasting), writes alt text and posts; the post shows the photos through next/image
// with a lightbox; a follower sees them; the stored files carry no EXIF. And a profile photo
// uploaded in settings shows on the profile. Real image bytes, made here with sharp.
import { expect, test, type Locator, type Page } from "./fixtures";
import sharp from "sharp";
import { hasFfmpeg, phonePhoto, plainPng, testVideo } from "../support/media-fixtures";

/** Chooses files through the button's file chooser, as a person would. */
async function chooseFiles(
  page: Page,
  button: Locator,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const chooser = page.waitForEvent("filechooser");
  await button.click();
  await (await chooser).setFiles(files);
}

/** A DataTransfer in the page holding one file, for drop and paste events. */
function fileTransfer(page: Page, name: string, type: string, bytes: Buffer) {
  return page.evaluateHandle(
    ({ name, type, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { name, type, base64: bytes.toString("base64") },
  );
}

/** The image has been fetched and decoded (through the image optimizer). */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
}

/** The stored file behind a next/image `src` (/_next/image?url=<stored url>&w=…). */
async function storedFile(page: Page, image: Locator): Promise<Buffer> {
  const src = await image.getAttribute("src");
  expect(src).toMatch(/^\/_next\/image\?url=%2Fapi%2Fmedia%2Ffiles%2F/);
  const url = new URL(src!, "http://x").searchParams.get("url")!;
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  return res.body();
}

const homeFeed = (page: Page) => page.getByRole("list", { name: "Home feed" });

test("a creator posts photos with alt text, a follower sees them, and no EXIF is stored", async ({
  page,
  api,
  user: creator,
  newUser,
  pageAs,
}) => {
  test.setTimeout(120_000);
  const follower = await newUser();
  const followed = await api(`/api/users/${creator.user.id}/follow`, {
    method: "POST",
    token: follower.token,
  });
  expect(followed.status).toBe(200);

  await page.goto("/");
  const composer = page.getByRole("form", { name: "New post" });
  const attachments = composer.getByRole("list", { name: "Attachments" });

  // One photo from the file chooser: a phone's JPEG, sideways, with GPS in its EXIF.
  await chooseFiles(page, composer.getByRole("button", { name: "Add photos or video" }), [
    { name: "beach.jpg", mimeType: "image/jpeg", buffer: await phonePhoto() },
  ]);
  await expect(attachments.getByRole("listitem")).toHaveCount(1);

  // One dropped on the composer, which shows where to drop while a file is held over it.
  const drop = await fileTransfer(page, "field.png", "image/png", await plainPng(640, 480));
  await composer.dispatchEvent("dragenter", { dataTransfer: drop });
  await expect(composer.getByText("Drop images or videos to attach them")).toBeVisible();
  await composer.dispatchEvent("drop", { dataTransfer: drop });
  await expect(composer.getByText("Drop images or videos to attach them")).toBeHidden();
  await expect(attachments.getByRole("listitem")).toHaveCount(2);

  // One pasted into the text, then removed before posting.
  const paste = await fileTransfer(page, "image.png", "image/png", await plainPng(64, 64, "#f00"));
  await composer.getByLabel("Write a post").evaluate((textarea, clipboardData) => {
    textarea.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
    );
  }, paste);
  await expect(attachments.getByRole("listitem")).toHaveCount(3);
  await composer.getByRole("button", { name: "Remove image 3" }).click();
  await expect(attachments.getByRole("listitem")).toHaveCount(2);

  const beachAlt = "A beach at dawn, red sky over blue water";
  const fieldAlt = "A green field under an overcast sky";
  await composer.getByLabel("Alt text for image 1").fill(beachAlt);
  await composer.getByLabel("Alt text for image 2").fill(fieldAlt);
  await composer.getByLabel("Write a post").fill("Two from this morning's walk");

  // The files uploaded as they were picked (tests/e2e/composer.spec.ts watches the progress
  // bar); posting saves the alt text typed since, then publishes.
  const altSaved = page.waitForResponse(
    (r) => r.request().method() === "PATCH" && r.url().includes("/api/media/"),
  );
  const created = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/posts",
  );
  await composer.getByRole("button", { name: "Post", exact: true }).click();
  expect((await altSaved).status()).toBe(200);
  const post = await created;
  expect(post.status()).toBe(201);
  const postId: string = (await post.json()).id;
  await expect(composer.getByText("Your post is live.")).toBeVisible();
  await expect(attachments).toBeHidden();

  // The post: both photos with their alt text, through next/image, without layout jumps.
  const top = homeFeed(page).getByRole("article").first();
  const beach = top.getByRole("img", { name: beachAlt });
  const field = top.getByRole("img", { name: fieldAlt });
  await expectLoaded(beach);
  await expectLoaded(field);

  // The lightbox: opens on click, steps with the arrow keys, closes with Escape, focus returns.
  const opener = top.getByRole("button", { name: "Open image 1 of 2 larger" });
  await opener.click();
  const lightbox = page.getByRole("dialog", { name: "Image 1 of 2" });
  await expect(lightbox).toBeVisible();
  await expect(lightbox).toContainText(beachAlt);
  await expectLoaded(lightbox.getByRole("img", { name: beachAlt }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "Image 2 of 2" })).toContainText(fieldAlt);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(opener).toBeFocused();

  // The stored photo: turned upright (the EXIF orientation applied) and with no EXIF left.
  const stored = await sharp(await storedFile(page, beach)).metadata();
  expect(stored.format).toBe("webp");
  expect(stored.exif).toBeUndefined();
  expect([stored.width, stored.height]).toEqual([200, 300]);

  // The follower sees the post with both photos in their feed.
  const fan = await pageAs(follower);
  await fan.goto("/");
  const seen = homeFeed(fan).locator(`article:has(a[href="/p/${postId}"])`);
  await expectLoaded(seen.getByRole("img", { name: beachAlt }));
  await expectLoaded(seen.getByRole("img", { name: fieldAlt }));
});

test("the composer refuses unsupported files and more than four", async ({ page, user: _user }) => {
  await page.goto("/");
  const composer = page.getByRole("form", { name: "New post" });
  const add = composer.getByRole("button", { name: "Add photos or video" });

  await chooseFiles(page, add, [
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") },
  ]);
  await expect(composer.getByRole("alert")).toContainText("notes.txt isn't a supported file type");

  const png = await plainPng(32, 32);
  const five = [1, 2, 3, 4, 5].map((n) => ({
    name: `p${n}.png`,
    mimeType: "image/png",
    buffer: png,
  }));
  await chooseFiles(page, add, five);
  await expect(
    composer.getByRole("list", { name: "Attachments" }).getByRole("listitem"),
  ).toHaveCount(4);
  await expect(composer.getByRole("alert")).toContainText(
    "A post can have up to 4 images or videos: 1 file wasn't added.",
  );
  await expect(composer.getByRole("button", { name: /4 attached/ })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
});

test("a video attached in the composer plays in place, with its poster", async ({
  page,
  user: _user,
}) => {
  test.skip(!hasFfmpeg, "ffmpeg makes the test video (scripts/install-test-deps.sh installs it)");
  test.setTimeout(90_000);
  await page.goto("/");
  const composer = page.getByRole("form", { name: "New post" });
  await chooseFiles(page, composer.getByRole("button", { name: "Add photos or video" }), [
    { name: "clip.mp4", mimeType: "video/mp4", buffer: await testVideo("mp4") },
  ]);
  await composer.getByLabel("Alt text for video 1").fill("A test pattern with a tone");
  const created = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/posts",
  );
  await composer.getByRole("button", { name: "Post", exact: true }).click();
  const post = await (await created).json();
  expect(post.text).toBe("");
  expect(post.media).toHaveLength(1);

  const video = homeFeed(page).getByRole("article").first().locator("video[controls]");
  await expect(video).toHaveAttribute("aria-label", "A test pattern with a tone");
  await expect(video).toHaveAttribute("poster", /\/api\/media\/files\//);
  await expect(video).toHaveAttribute("preload", "metadata");
  // The browser reads the metadata (the file is served with range requests).
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThan(0);
});

test("a profile photo uploaded in settings shows on the profile", async ({ page, user }) => {
  test.setTimeout(90_000);
  await page.goto("/settings/profile");

  const photo = page.getByRole("group", { name: "Profile photo" });
  const saved = page.waitForResponse(
    (r) => r.request().method() === "PUT" && r.url().endsWith("/api/users/profile"),
  );
  await chooseFiles(page, photo.getByRole("button", { name: "Upload photo" }), [
    { name: "me.png", mimeType: "image/png", buffer: await plainPng(400, 400, "#a05020") },
  ]);
  expect((await saved).status()).toBe(200);
  await expect(photo.getByRole("status")).toHaveText("Profile photo updated.");
  await expect(photo.getByRole("button", { name: "Change photo" })).toBeVisible();

  await page.goto(`/u/${user.credentials.username}`);
  const header = page.locator('section[aria-labelledby="profile-name"]');
  const avatar = header.locator('img[src*="%2Fapi%2Fmedia%2Ffiles%2F"]');
  await expectLoaded(avatar);
  // The header's avatar in the site header too.
  await expectLoaded(
    page.getByRole("link", { name: "Your profile" }).locator('img[src*="%2Fapi%2Fmedia%2F"]'),
  );

  // Removing it brings the initials back.
  await page.goto("/settings/profile");
  await photo.getByRole("button", { name: "Remove photo" }).click();
  await expect(photo.getByRole("status")).toHaveText("Profile photo removed.");
  await page.goto(`/u/${user.credentials.username}`);
  await expect(header.locator("img")).toHaveCount(0);
});

test("a paid post's photo shows to its author from a signed, private URL, and to nobody else", async ({
  page,
  browser,
  baseURL,
  api,
  user: { token },
}) => {
  test.setTimeout(90_000);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await plainPng(300, 200, "#2060a0"))]), "a.png");
  const uploaded = await api("/api/media/upload", { method: "POST", token, body: form });
  expect(uploaded.status).toBe(201);
  const posted = await api("/api/posts", {
    method: "POST",
    token,
    body: {
      text: "The studio, in one photo, for those who bought this post.",
      mediaIds: [uploaded.body.items[0].id],
      price: { amount: 300, currency: "USD" },
    },
  });
  expect(posted.status).toBe(201);

  await page.goto(`/p/${posted.body.id}`);
  // Shown as it is, not through the image optimizer, whose cache would answer anyone.
  const photo = page.locator('img[src^="/api/media/files/"][src*="signature="]');
  await expectLoaded(photo);
  const res = await page.request.get((await photo.getAttribute("src"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/^private, max-age=\d+$/);

  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`/p/${posted.body.id}`);
  // The post's preview, and no photo.
  await expect(strangerPage.getByText(/^The studio, in one…$/)).toBeVisible();
  await expect(strangerPage.locator('img[src*="api/media/files"]')).toHaveCount(0);
  await stranger.close();
});
