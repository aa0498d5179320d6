import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentReplied } from "@/inngest/functions/comment-replied";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/test-database";
import { makePost, makeUser, mute, notificationsOf, runWithInngest } from "./fixtures";

// comment.replied run the way Inngest runs it, against a real database: who is told, once.

let cleanup: (() => Promise<void>) | undefined;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(async () => cleanup?.(), 60_000);

async function thread() {
  const [author, commenter, replier] = [await makeUser(), await makeUser(), await makeUser()];
  const post = await makePost(author.id);
  const parent = await db.comment.create({
    data: { postId: post.id, authorId: commenter.id, text: "First!", replyCount: 1 },
  });
  return { author, commenter, replier, post, parent };
}

async function reply(
  t: Awaited<ReturnType<typeof thread>>,
  authorId: string,
  text: string,
  replyToUserId: string | null = null,
) {
  const row = await db.comment.create({
    data: { postId: t.post.id, authorId, text, parentId: t.parent.id, replyToUserId },
  });
  return { postId: t.post.id, commentId: row.id, parentId: t.parent.id, replierId: authorId };
}

// Generous: the first run warms up the engine on a busy machine.
describe("comment.replied", { timeout: 20_000 }, () => {
  it("tells the parent's author with an excerpt, once however often it runs", async () => {
    const t = await thread();
    const data = await reply(t, t.replier.id, "Agreed");
    const first = await runWithInngest(commentReplied, "comment.replied", data);
    expect(first.result).toEqual({ notified: 1 });
    const again = await runWithInngest(commentReplied, "comment.replied", data);
    expect(again.result).toEqual({ notified: 0 });
    expect(await notificationsOf(t.commenter.id)).toMatchObject([
      {
        kind: "reply",
        actorId: t.replier.id,
        postId: t.post.id,
        data: { commentId: data.commentId, parentId: t.parent.id, excerpt: "Agreed" },
      },
    ]);
    // The post's author is not the one answered.
    expect(await notificationsOf(t.author.id)).toEqual([]);
  });

  it("says nothing to someone replying to themselves, or who muted replies", async () => {
    const t = await thread();
    const own = await reply(t, t.commenter.id, "Adding to my own comment");
    expect((await runWithInngest(commentReplied, "comment.replied", own)).result).toEqual({
      notified: 0,
    });
    await mute(t.commenter.id, ["reply"]);
    const muted = await reply(t, t.replier.id, "Hello?");
    expect((await runWithInngest(commentReplied, "comment.replied", muted)).result).toEqual({
      notified: 0,
    });
    expect(await notificationsOf(t.commenter.id)).toEqual([]);
  });

  it("says nothing across a block", async () => {
    const t = await thread();
    await db.block.create({ data: { blockerId: t.commenter.id, blockedId: t.replier.id } });
    const data = await reply(t, t.replier.id, "Let me in");
    expect((await runWithInngest(commentReplied, "comment.replied", data)).result).toEqual({
      notified: 0,
    });
  });

  it("also tells whom a reply to a reply answers", async () => {
    const t = await thread();
    const data = await reply(t, t.author.id, "@replier you're right", t.replier.id);
    expect((await runWithInngest(commentReplied, "comment.replied", data)).result).toEqual({
      notified: 2,
    });
    expect(await notificationsOf(t.replier.id)).toMatchObject([{ kind: "reply" }]);
    expect(await notificationsOf(t.commenter.id)).toMatchObject([{ kind: "reply" }]);
  });

  it("says nothing about a reply deleted before it ran", async () => {
    const t = await thread();
    const data = await reply(t, t.replier.id, "Oops");
    await db.comment.delete({ where: { id: data.commentId } });
    expect((await runWithInngest(commentReplied, "comment.replied", data)).result).toEqual({
      notified: 0,
    });
  });
});
