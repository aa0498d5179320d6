import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// A post is read in SQL (posts-page-sql.ts, feed-ids-sql.ts) but its user and media columns come
// from the Prisma selects (selectJsonSql): the SQL must hand back exactly what Prisma does for
// the same select, and the page it builds must be a valid API Post.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

async function seed() {
  const { db } = await import("@/lib/db");
  const user = (name: string) =>
    db.user.create({
      data: { email: `${name}@example.test`, username: name, displayName: `The ${name}` },
      select: { id: true },
    });
  const [author, fan, reader] = [await user("author"), await user("fan"), await user("reader")];
  const media = (ownerId: string, postId: string | null, position: number | null) =>
    db.media.create({
      data: {
        ownerId,
        postId,
        position,
        kind: "image",
        mimeType: "image/webp",
        fileKey: `f-${ownerId}-${position}.webp`,
        thumbnailKey: `t-${ownerId}-${position}.webp`,
        width: 10,
        height: 20,
        size: 300,
        duration: position === 1 ? 1.5 : null,
        blurDataUrl: "data:image/webp;base64,AA==",
        alt: "a picture",
      },
      select: { id: true },
    });
  const avatar = await media(author.id, null, null);
  await db.user.update({ where: { id: author.id }, data: { avatarId: avatar.id } });
  const original = await db.post.create({
    data: {
      authorId: fan.id,
      text: "paid original ".repeat(10),
      priceAmount: 300,
      priceCurrency: "USD",
    },
    select: { id: true },
  });
  const post = await db.post.create({
    data: { authorId: author.id, text: "hello #tag", quotedPostId: original.id },
    select: { id: true },
  });
  await media(author.id, post.id, 0);
  await media(author.id, post.id, 1);
  await db.follow.create({ data: { followerId: reader.id, followingId: fan.id } });
  await db.repost.create({ data: { userId: fan.id, postId: post.id } });
  return { author, fan, reader, post, original };
}

describe("a post read in SQL", { timeout: 60_000 }, () => {
  let world: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    world = await seed();
  });

  it("carries users and media exactly as Prisma's selects read them", async () => {
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { selectJsonSql } = await import("@/lib/database/select-json-sql");
    const { USER_SUMMARY_SELECT } = await import("@/lib/users/user-summary-select");
    const { MEDIA_SELECT } = await import("@/lib/media/media-select");
    for (const { id } of [world.author, world.fan]) {
      const [fromSql] = await queryRows<{ user: unknown }>(Prisma.sql`
        SELECT ${selectJsonSql(USER_SUMMARY_SELECT, "u", { avatar: "a" })} AS user
        FROM "User" u LEFT JOIN "Media" a ON a.id = u."avatarId" WHERE u.id = ${id}`);
      const fromPrisma = await db.user.findUnique({ where: { id }, select: USER_SUMMARY_SELECT });
      expect(fromSql?.user).toEqual(fromPrisma);
    }
    const media = await queryRows<{ media: unknown }>(Prisma.sql`
      SELECT ${selectJsonSql(MEDIA_SELECT, "m")} AS media FROM "Media" m
      WHERE m."postId" = ${world.post.id} ORDER BY m.position`);
    const fromPrisma = await db.media.findMany({
      where: { postId: world.post.id },
      orderBy: { position: "asc" },
      select: MEDIA_SELECT,
    });
    expect(media.map((m) => m.media)).toEqual(fromPrisma);
  });

  it("is a valid API Post, alone, quoting and in a feed", async () => {
    const { loadPosts } = await import("@/lib/posts/load-posts");
    const { listFeed } = await import("@/lib/posts/list-feed");
    const { ZPostSchema } = await import("@/lib/posts/posts.types");
    for (const viewer of [undefined, world.author.id, world.reader.id]) {
      const posts = await loadPosts([world.post.id, world.original.id], viewer);
      expect(posts).toHaveLength(2);
      for (const post of posts) ZPostSchema.parse(post);
      expect(posts[0]?.author.avatarUrl).toMatch(/t-/);
      expect(posts[0]?.media).toHaveLength(2);
      expect(posts[0]?.quoted?.post?.author.username).toBe("fan");
    }
    const feed = await listFeed(world.reader.id, { limit: 10 });
    for (const post of feed.items) ZPostSchema.parse(post);
    expect(feed.items.map((p) => [p.id, p.repostedBy?.username])).toEqual([
      [world.post.id, "fan"],
      [world.original.id, undefined],
    ]);
  });
});
