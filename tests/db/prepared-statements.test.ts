import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// queryRows' `name` (lib/db.ts): a prepared statement on PostgreSQL, planned once per connection;
// on the embedded PGlite, an unnamed one, because its one backend serves every socket and a name
// one connection prepared makes the next connection's Parse of it fail ("prepared statement
// already exists"). Runs on whichever database the test run has (DATABASE_URL or embedded).

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

const embedded = () => Boolean(process.env.GROVER_EMBEDDED_DATABASE);

describe("queryRows with a statement name", { timeout: 60_000 }, () => {
  it("answers each call with its own rows, many at once", async () => {
    const { Prisma, queryRows } = await import("@/lib/db");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        queryRows<{ n: number; words: string[] }>(
          Prisma.sql`SELECT ${i}::int AS n, ${[`a${i}`, `b${i}`]}::text[] AS words`,
          { name: "prepared-statements-test" },
        ),
      ),
    );
    expect(results.map(([row]) => row)).toEqual(
      Array.from({ length: 30 }, (_, i) => ({ n: i, words: [`a${i}`, `b${i}`] })),
    );
  });

  it("prepares it on PostgreSQL, and leaves it unnamed on the embedded database", async () => {
    const { Prisma, queryRows } = await import("@/lib/db");
    const rows = await queryRows<{ name: string }>(
      Prisma.sql`SELECT name FROM pg_prepared_statements WHERE name = ${"prepared-probe"}`,
      { name: "prepared-probe" },
    );
    expect(rows.map((r) => r.name)).toEqual(embedded() ? [] : ["prepared-probe"]);
  });

  it("still works when another connection prepared the same name first", async () => {
    // On PGlite the other connection's statement lives in the one shared backend: what the app's
    // own pool meets after it replaces an idle connection, or when a second process attaches.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const text = "SELECT $1::int + 1 AS n";
      await other.query({ name: "prepared-shared", text, values: [1] });
      const { Prisma, queryRows } = await import("@/lib/db");
      const rows = await queryRows<{ n: number }>(Prisma.sql`SELECT ${41}::int + 1 AS n`, {
        name: "prepared-shared",
      });
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await other.end();
    }
  });

  // The point of preparing: after a few calls PostgreSQL keeps one generic plan and stops planning.
  // It does so only when that plan looks no worse than the custom ones, which a LIMIT sent as a
  // parameter prevents (lib/db.ts, limitSql). Only PostgreSQL reports it (pg_prepared_statements).
  // Decided before useTestDatabase runs: embedded exactly when DATABASE_URL is unset.
  it.skipIf(!process.env.DATABASE_URL)(
    "lets PostgreSQL settle on a generic plan for the hot reads",
    async () => {
      const { db, Prisma, queryRows } = await import("@/lib/db");
      const { createApiSession } = await import("@/lib/auth/create-session");
      const { resolveViewer } = await import("@/lib/auth/resolve-viewer");
      const { loadPosts } = await import("@/lib/posts/load-posts");
      const { listExplore } = await import("@/lib/posts/list-explore");
      const { getPublicProfile } = await import("@/lib/users/get-public-profile");
      const { listFeed, readFeedPage } = await import("@/lib/posts/list-feed");
      const [author, viewer] = await Promise.all(
        ["planauthor", "planviewer"].map((name) =>
          db.user.create({
            data: { email: `${name}@example.test`, username: name, displayName: name },
            select: { id: true },
          }),
        ),
      );
      const ids: string[] = [];
      // A page of posts is a full page of 20 (fewer would look cheaper to plan each time).
      for (let i = 0; i < 20; i++) {
        const post = await db.post.create({
          data: { authorId: author!.id, text: `post ${i}` },
          select: { id: true },
        });
        ids.push(post.id);
      }
      await db.follow.create({ data: { followerId: viewer!.id, followingId: author!.id } });
      const { token } = await createApiSession(viewer!.id);
      // One call at a time, so the pool hands out the same connection each time.
      for (let i = 0; i < 10; i++) {
        await resolveViewer({
          headers: new Headers({ authorization: `Bearer ${token}` }),
          cookies: { getAll: () => [] },
        });
        await loadPosts(ids, viewer!.id);
        await listExplore({ limit: 20 }, viewer!.id, { hidesAccounts: true });
        await getPublicProfile(author!.id, viewer!.id);
        // The feed from the timeline and, as past its end, fanned out on read. Muting words
        // changes their text (with one text for both, the generic plan counted both reads, and
        // on the benchmark's data it lost to planning every call: README "Performance").
        for (const words of [[], ["muted"]]) {
          await listFeed(viewer!.id, { limit: 20 }, words);
          await readFeedPage(viewer!.id, null, 21, words, true);
        }
      }
      const plans = await queryRows<{ name: string; generic_plans: number }>(
        Prisma.sql`SELECT name, generic_plans::int FROM pg_prepared_statements ORDER BY name`,
      );
      const generic = Object.fromEntries(plans.map((p) => [p.name, p.generic_plans > 0]));
      expect(generic).toMatchObject({
        "session-by-token": true,
        "posts-page": true,
        "explore-21": true,
        "public-profile": true,
        "feed-timeline": true,
        "feed-fan-out": true,
        "feed-timeline-muted": true,
        "feed-fan-out-muted": true,
      });
    },
  );
});
