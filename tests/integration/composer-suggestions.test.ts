import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";
import { plainPng } from "@/tests/support/media-fixtures";

// A prefix no other test's data shares, so each test sees only the rows it made.
const unique = () => `zq${randomBytes(4).toString("hex")}`;

describe("GET /api/users/autocomplete", () => {
  it("finds people by username or display name prefix: exact, followed, then by followers", async () => {
    const p = unique();
    const viewer = await registerAndSignIn();
    const exact = await registerAndSignIn({ username: p, displayName: "Exactly Typed" });
    const popular = await registerAndSignIn({ username: `${p}_popular` });
    const followed = await registerAndSignIn({ username: `${p}_followed` });
    const byName = await registerAndSignIn({ displayName: `${p.toUpperCase()} By Name` });
    await registerAndSignIn({ username: `other_${p}` }); // contains, doesn't start with, p
    const fan = await registerAndSignIn();
    await api(`/api/users/${popular.user.id}/follow`, { method: "POST", token: fan.token });
    await api(`/api/users/${followed.user.id}/follow`, { method: "POST", token: viewer.token });

    const res = await api(`/api/users/autocomplete?q=@${p.toUpperCase()}`, {
      token: viewer.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([
      exact.user.id,
      followed.user.id,
      popular.user.id,
      byName.user.id,
    ]);
    expect(res.body.items[1]).toMatchObject({
      username: `${p}_followed`,
      following: true,
      avatarUrl: null,
    });
    expect(res.body.items[0]).not.toHaveProperty("email");
  });

  it("leaves out blocked accounts and honours the limit", async () => {
    const p = unique();
    const viewer = await registerAndSignIn();
    const blocker = await registerAndSignIn({ username: `${p}_blocker` });
    await registerAndSignIn({ username: `${p}_a` });
    await registerAndSignIn({ username: `${p}_b` });
    await api(`/api/users/${viewer.user.id}/block`, { method: "POST", token: blocker.token });

    const res = await api(`/api/users/autocomplete?q=${p}&limit=5`, { token: viewer.token });
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual([
      `${p}_a`,
      `${p}_b`,
    ]);
    const one = await api(`/api/users/autocomplete?q=${p}&limit=1`, { token: viewer.token });
    expect(one.body.items).toHaveLength(1);
  });

  it("refuses an empty or oversized query in the error shape", async () => {
    for (const q of ["", "@", "x".repeat(51)]) {
      const res = await api(`/api/users/autocomplete?q=${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });
});

describe("GET /api/tags/search", () => {
  it("suggests tags starting with q, the exact one first, then by use count", async () => {
    const p = unique();
    const { token } = await registerAndSignIn();
    const post = (text: string) =>
      api("/api/posts", { method: "POST", token, body: { text } }).then((r) => {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      });
    await post(`#${p}_rare and #${p}_common`);
    await post(`#${p}_common again, #${p}_mid`);
    await post(`#${p}_common #${p}_mid #${p}`);
    await post(`not a prefix: #x${p}`);

    const res = await api(`/api/tags/search?q=%23${p.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { tag: p, uses: 1 },
      { tag: `${p}_common`, uses: 3 },
      { tag: `${p}_mid`, uses: 2 },
      { tag: `${p}_rare`, uses: 1 },
    ]);
    const two = await api(`/api/tags/search?q=${p}_&limit=2`);
    expect(two.body.items.map((t: { tag: string }) => t.tag)).toEqual([`${p}_common`, `${p}_mid`]);
  });

  it("treats LIKE wildcards as text and refuses what can't start a tag", async () => {
    const wild = await api(`/api/tags/search?q=${encodeURIComponent("a%")}`);
    expect(wild.status).toBe(400);
    const under = await api("/api/tags/search?q=zq_");
    expect(under.status).toBe(200);
    expect(under.body.items).toEqual([]);
    const digit = await api("/api/tags/search?q=1abc");
    expect(digit.status).toBe(400);
    expect(digit.body.error.code).toBe("validation_failed");
  });
});

describe("PATCH /api/media/{id}", () => {
  async function uploadImage(token: string) {
    const body = new FormData();
    body.append(
      "file",
      new Blob([new Uint8Array(await plainPng())], { type: "image/png" }),
      "a.png",
    );
    body.append("alt", "");
    const res = await api("/api/media/upload", { method: "POST", token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.items[0] as { id: string; alt: string };
  }

  it("saves the owner's alt text, before and after the image is posted", async () => {
    const { token } = await registerAndSignIn();
    const media = await uploadImage(token);
    expect(media.alt).toBe("");

    const set = await api(`/api/media/${media.id}`, {
      method: "PATCH",
      token,
      body: { alt: "  A red bicycle by a blue door. " },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ id: media.id, alt: "A red bicycle by a blue door." });

    const created = await api("/api/posts", {
      method: "POST",
      token,
      body: { text: "ride", mediaIds: [media.id] },
    });
    expect(created.body.media[0].alt).toBe("A red bicycle by a blue door.");

    await api(`/api/media/${media.id}`, { method: "PATCH", token, body: { alt: "A bicycle." } });
    const post = await api(`/api/posts/${created.body.id}`);
    expect(post.body.media[0].alt).toBe("A bicycle.");
  });

  it("is 403 for someone else's media, 404 for none, 401 signed out, 400 for bad alt", async () => {
    const owner = await registerAndSignIn();
    const other = await registerAndSignIn();
    const media = await uploadImage(owner.token);
    const patch = (id: string, token: string | undefined, alt: unknown) =>
      api(`/api/media/${id}`, { method: "PATCH", token, body: { alt } });

    const forbidden = await patch(media.id, other.token, "mine now");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect((await patch("c".repeat(25), owner.token, "x")).status).toBe(404);
    expect((await patch(media.id, undefined, "x")).status).toBe(401);
    const tooLong = await patch(media.id, owner.token, "x".repeat(1001));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe("validation_failed");
  });
});
