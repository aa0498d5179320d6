// Post search over HTTP: full-text (stemmed; newest first, or ranked) and exact #hashtag. Each test makes up its
// own words so that posts written by other test files at the same time never match.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

type Post = { id: string; hashtags: string[]; viewer: unknown };

/** A made-up word of letters only, which no other test's post contains. */
function uniqueWord(prefix = "zq"): string {
  return prefix + [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

async function publish(user: SignedInUser, text: string): Promise<string> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
  expect(res.status).toBe(201);
  return res.body.id;
}

function search(query: string, options: { token?: string; params?: string } = {}) {
  const path = `/api/posts/search/${encodeURIComponent(query)}${options.params ?? ""}`;
  return api(path, { token: options.token });
}

const ids = (items: Post[]) => items.map((p) => p.id);

describe("GET /api/posts/search/{query} – words", () => {
  it("finds a post by a word in it, and by another form of the word", async () => {
    const author = await registerAndSignIn();
    const word = uniqueWord();
    const runs = await publish(author, `I run every morning, ${word} style`);
    const walks = await publish(author, `I walk every evening, ${word} style`);

    const byWord = await search(word);
    expect(byWord.status).toBe(200);
    expect(ids(byWord.body.items).sort()).toEqual([runs, walks].sort());

    // English stemming: "running" and "run" are the same lexeme.
    const stemmed = await search(`running ${word}`);
    expect(ids(stemmed.body.items)).toEqual([runs]);
    const phrase = await search(`"${word} style" -walk`);
    expect(ids(phrase.body.items)).toEqual([runs]);
  });

  it("lists the newest match first, and with sort=top the stronger match first", async () => {
    const author = await registerAndSignIn();
    const word = uniqueWord();
    // The stronger match is written first, so a newer-first tie-break can't explain the order.
    const twice = await publish(author, `${word} here, and ${word} again`);
    const once = await publish(author, `${word} just once in this post`);

    expect(ids((await search(word)).body.items)).toEqual([once, twice]);
    expect(ids((await search(word, { params: "?sort=latest" })).body.items)).toEqual([once, twice]);
    expect(ids((await search(word, { params: "?sort=top" })).body.items)).toEqual([twice, once]);

    const wrong = await search(word, { params: "?sort=best" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("validation_failed");
  });

  it.each(["latest", "top"])("pages through every match once (sort=%s)", async (sort) => {
    const author = await registerAndSignIn();
    const word = uniqueWord();
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push(await publish(author, `${word} number ${i}`));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await search(word, { params: `?limit=2&sort=${sort}${query}` });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res.body.items));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...written].sort());
    expect(new Set(seen).size).toBe(5);
  });

  it("answers an empty page for a query with no searchable words", async () => {
    // Only stop words, only punctuation, only an exclusion.
    for (const query of ["the and of", "?!...", `-${uniqueWord()}`]) {
      const res = await search(query);
      expect(res.status, query).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    }
  });

  it("works signed out (viewer is null) and signed in (viewer state)", async () => {
    const author = await registerAndSignIn();
    const word = uniqueWord();
    const id = await publish(author, `signed-out search finds ${word}`);

    const signedOut = await search(word);
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.items).toEqual([expect.objectContaining({ id, viewer: null })]);

    const signedIn = await search(word, { token: author.token });
    expect(signedIn.body.items[0].viewer).toMatchObject({ isAuthor: true });
  });
});

describe("GET /api/posts/search/{query} – #hashtag", () => {
  it("finds tagged posts newest first, and not posts that only contain the word", async () => {
    const author = await registerAndSignIn();
    const tag = uniqueWord("zt");
    const older = await publish(author, `first post with #${tag}`);
    const plain = await publish(author, `mentions ${tag} without the hash`);
    const newer = await publish(author, `second post, #${tag.toUpperCase()} in capitals`);

    const byTag = await search(`#${tag.toUpperCase()}`);
    expect(byTag.status).toBe(200);
    expect(ids(byTag.body.items)).toEqual([newer, older]);
    expect(byTag.body.items[0].hashtags).toEqual([tag]);

    // Without '#' it is a word search, which also finds the post that isn't tagged.
    const byWord = await search(tag);
    expect(ids(byWord.body.items).sort()).toEqual([older, plain, newer].sort());

    const paged = await search(`#${tag}`, { params: "?limit=1" });
    expect(ids(paged.body.items)).toEqual([newer]);
    const next = await search(`#${tag}`, {
      params: `?limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`,
    });
    expect(ids(next.body.items)).toEqual([older]);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe("GET /api/posts/search/{query} – bad input", () => {
  it("refuses an over-long or blank query", async () => {
    const long = await search("a".repeat(101));
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe("validation_failed");
    expect((await search("a".repeat(100))).status).toBe(200);
    expect((await search("   ")).status).toBe(400);
  });

  it("refuses a tampered cursor, one from another query, and a huge limit", async () => {
    const author = await registerAndSignIn();
    const word = uniqueWord();
    for (let i = 0; i < 2; i++) await publish(author, `${word} ${i}`);
    const page = await search(word, { params: "?limit=1" });
    const cursor: string = page.body.nextCursor;
    expect(cursor).toBeTruthy();

    const [payload, signature] = cursor.split(".");
    const decoded = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, p: { rank: 99, id: "z" } })).toString(
      "base64url",
    );
    for (const [query, bad] of [
      [word, `${forged}.${signature}`],
      [word, "garbage"],
      [uniqueWord(), cursor],
      [`#${word}`, cursor],
    ] as const) {
      const res = await search(query, { params: `?cursor=${encodeURIComponent(bad)}` });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }

    // A cursor from one order is refused by the other.
    const latest = await search(word, { params: "?limit=1&sort=latest" });
    const top = await search(word, { params: "?limit=1&sort=top" });
    for (const [sort, other] of [
      ["top", latest.body.nextCursor],
      ["latest", top.body.nextCursor],
    ]) {
      const res = await search(word, {
        params: `?sort=${sort}&cursor=${encodeURIComponent(other)}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }

    const huge = await search(word, { params: "?limit=1000000" });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe("validation_failed");
  });
});
