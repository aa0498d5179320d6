import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";

describe("GET /api/users/{id}", () => {
  it("finds a profile by id and by username, without email", async () => {
    const { user } = await registerAndSignIn();
    const byId = await api(`/api/users/${user.id}`);
    const byUsername = await api(`/api/users/${user.username.toUpperCase()}`);

    expect(byId.status).toBe(200);
    expect(byUsername.body).toEqual(byId.body);
    expect(byId.body).toMatchObject({ id: user.id, username: user.username, viewer: null });
    expect(byId.body).not.toHaveProperty("email");
    expect(JSON.stringify(byId.body)).not.toContain("@example.com");
  });

  it("is 404 for an unknown user", async () => {
    const res = await api("/api/users/no_such_user_here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("PUT /api/users/profile", () => {
  it("updates the fields given and leaves the rest", async () => {
    const { token, user } = await registerAndSignIn();
    const res = await api("/api/users/profile", {
      method: "PUT",
      token,
      body: {
        displayName: "  Ada Lovelace ",
        bio: "Poetical science.",
        website: "https://example.com/ada",
        location: "London",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: "Ada Lovelace",
      bio: "Poetical science.",
      website: "https://example.com/ada",
      location: "London",
      username: user.username,
    });

    const cleared = await api("/api/users/profile", {
      method: "PUT",
      token,
      body: { website: null, location: "" },
    });
    expect(cleared.body).toMatchObject({ website: null, location: null, bio: "Poetical science." });
  });

  it("renames the user; the new username is then taken", async () => {
    const a = await registerAndSignIn();
    const b = await registerAndSignIn();
    const newName = `${a.user.username}_x`.slice(0, 30);
    const renamed = await api("/api/users/profile", {
      method: "PUT",
      token: a.token,
      body: { username: newName },
    });
    expect(renamed.status).toBe(200);
    expect((await api(`/api/users/${newName}`)).body.id).toBe(a.user.id);

    const clash = await api("/api/users/profile", {
      method: "PUT",
      token: b.token,
      body: { username: newName },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details).toEqual({ field: "username" });
  });

  it("explains a bad website", async () => {
    const { token } = await registerAndSignIn();
    const res = await api("/api/users/profile", {
      method: "PUT",
      token,
      body: { website: "ftp://example.com" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: "website", message: "must be an http(s) URL" }),
    ]);
  });

  it.each([
    ["an over-long bio", { bio: "x".repeat(301) }],
    ["a javascript: website", { website: "javascript:alert(1)" }],
    ["an empty display name", { displayName: "   " }],
    ["a control character", { location: "a\u0007b" }],
    ["an unknown field", { email: "new@example.com" }],
    ["a malformed avatar id", { avatarId: "../../etc/passwd" }],
  ])("refuses %s with 400", async (_label, body) => {
    const { token } = await registerAndSignIn();
    const res = await api("/api/users/profile", { method: "PUT", token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("is 401 when signed out", async () => {
    const res = await api("/api/users/profile", { method: "PUT", body: { bio: "x" } });
    expect(res.status).toBe(401);
  });
});

describe("follows", () => {
  it("follows idempotently and keeps counts and relations right", async () => {
    const fan = await registerAndSignIn();
    const star = await registerAndSignIn();

    const first = await api(`/api/users/${star.user.username}/follow`, {
      method: "POST",
      token: fan.token,
    });
    const again = await api(`/api/users/${star.user.id}/follow`, {
      method: "POST",
      token: fan.token,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ following: true });
    expect(again.body).toEqual({ following: true });

    const stats = await api(`/api/users/${star.user.id}/stats`);
    expect(stats.body).toEqual({ followers: 1, following: 0, posts: 0, likesReceived: 0 });
    expect((await api(`/api/users/${fan.user.id}/stats`)).body.following).toBe(1);

    const asFan = await api(`/api/users/${star.user.id}`, { token: fan.token });
    expect(asFan.body.viewer).toEqual({ isSelf: false, following: true, followsYou: false });
    const asStar = await api(`/api/users/${fan.user.id}`, { token: star.token });
    expect(asStar.body.viewer).toEqual({ isSelf: false, following: false, followsYou: true });

    const unfollow = await api(`/api/users/${star.user.id}/follow`, {
      method: "DELETE",
      token: fan.token,
    });
    const unfollowAgain = await api(`/api/users/${star.user.id}/follow`, {
      method: "DELETE",
      token: fan.token,
    });
    expect(unfollow.body).toEqual({ following: false });
    expect(unfollowAgain.body).toEqual({ following: false });
    expect((await api(`/api/users/${star.user.id}/stats`)).body.followers).toBe(0);
  });

  it("counts once when the same follow arrives many times at once", async () => {
    const fan = await registerAndSignIn();
    const star = await registerAndSignIn();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api(`/api/users/${star.user.id}/follow`, { method: "POST", token: fan.token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await api(`/api/users/${star.user.id}/stats`)).body.followers).toBe(1);
  });

  it("refuses following yourself (400), unknown users (404) and the signed-out (401)", async () => {
    const me = await registerAndSignIn();
    const self = await api(`/api/users/${me.user.id}/follow`, { method: "POST", token: me.token });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe("bad_request");

    const unknown = await api("/api/users/nobody_at_all_9/follow", {
      method: "POST",
      token: me.token,
    });
    expect(unknown.status).toBe(404);

    const signedOut = await api(`/api/users/${me.user.id}/follow`, { method: "POST" });
    expect(signedOut.status).toBe(401);
  });

  it("pages followers and following newest first with a cursor", async () => {
    const star = await registerAndSignIn();
    const fans = [];
    for (let i = 0; i < 5; i++) {
      const fan = await registerAndSignIn();
      await api(`/api/users/${star.user.id}/follow`, { method: "POST", token: fan.token });
      fans.push(fan);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await api(`/api/users/${star.user.id}/followers${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((u: { id: string }) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(fans.map((f) => f.user.id).reverse());

    const following = await api(`/api/users/${fans[0]!.user.id}/following`, {
      token: star.token,
    });
    expect(following.body.items).toEqual([
      expect.objectContaining({
        id: star.user.id,
        viewer: { isSelf: true, following: false, followsYou: false },
      }),
    ]);
  });

  it("refuses a tampered cursor, a cursor from another list and a huge limit", async () => {
    const a = await registerAndSignIn();
    const b = await registerAndSignIn();
    const c = await registerAndSignIn();
    for (const fan of [b, c]) {
      await api(`/api/users/${a.user.id}/follow`, { method: "POST", token: fan.token });
    }
    const page = await api(`/api/users/${a.user.id}/followers?limit=1`);
    const cursor: string = page.body.nextCursor;
    expect(cursor).toBeTruthy();

    const [payload, signature] = cursor.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        p: { t: new Date().toISOString(), id: "z" },
      }),
    ).toString("base64url");
    for (const bad of [`${forged}.${signature}`, "garbage", `${payload}.AAAA`]) {
      const res = await api(`/api/users/${a.user.id}/followers?cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }
    const otherList = await api(
      `/api/users/${b.user.id}/following?cursor=${encodeURIComponent(cursor)}`,
    );
    expect(otherList.status).toBe(400);

    const huge = await api(`/api/users/${a.user.id}/followers?limit=1000000`);
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe("validation_failed");
  });
});

describe("GET /api/users/search/{query}", () => {
  it("finds by username prefix and by display name, best matches first", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const exact = await registerAndSignIn({ username: `zed${tag}`, displayName: "Zed Exact" });
    const prefix = await registerAndSignIn({
      username: `zed${tag}_fan`,
      displayName: "Another Person",
    });
    const byName = await registerAndSignIn({
      username: `other_${tag}`,
      displayName: `Zed${tag} Namesake`,
    });

    const res = await api(`/api/users/search/zed${tag}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids[0]).toBe(exact.user.id);
    expect(ids).toContain(prefix.user.id);
    expect(ids).toContain(byName.user.id);
    expect(ids.indexOf(prefix.user.id)).toBeLessThan(ids.indexOf(byName.user.id));

    const withAt = await api(`/api/users/search/${encodeURIComponent(`@zed${tag}`)}`);
    expect(withAt.body.items[0].id).toBe(exact.user.id);
  });

  it("finds a display name by a prefix beyond ASCII, whatever its case", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const user = await registerAndSignIn({
      username: `u_${tag}`,
      displayName: `Émilie${tag} 東京 Zola`,
    });
    for (const query of [`émilie${tag}`, `ÉMILIE${tag} 東`, `Émilie${tag} 東京`]) {
      const res = await api(`/api/users/search/${encodeURIComponent(query)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([user.user.id]);
    }
  });

  it("tolerates a typo (trigram similarity)", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const user = await registerAndSignIn({ username: `marguerite_${tag}`, displayName: "M" });
    const res = await api(`/api/users/search/${encodeURIComponent(`margeurite_${tag}`)}`);
    expect(res.body.items.map((u: { id: string }) => u.id)).toContain(user.user.id);
  });

  it("treats LIKE wildcards literally and pages with a cursor", async () => {
    const none = await api(`/api/users/search/${encodeURIComponent("%%%")}`);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);

    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 3; i++) await registerAndSignIn({ username: `pg${tag}${i}` });
    const first = await api(`/api/users/search/pg${tag}?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await api(
      `/api/users/search/pg${tag}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const all = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
    expect(new Set(all).size).toBe(3);
  });

  it("pages one at a time from the exact name through prefixes to fuzzy matches, each once", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const exact = await registerAndSignIn({ username: `kit${tag}` });
    const prefix = await registerAndSignIn({ username: `kit${tag}_2` });
    const byName = await registerAndSignIn({
      username: `n_${tag}`,
      displayName: `Kit${tag} Jones`,
    });
    const inside = await registerAndSignIn({ username: `the_kit${tag}` });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await api(`/api/users/search/kit${tag}?limit=1${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([exact.user.id, prefix.user.id, byName.user.id, inside.user.id]);
  });

  it("refuses an over-long query", async () => {
    const res = await api(`/api/users/search/${"a".repeat(51)}`);
    expect(res.status).toBe(400);
  });
});
