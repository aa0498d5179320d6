import "server-only";
import { db } from "@/lib/db";
import { resolveEmailKinds } from "@/lib/mail/email-kinds";
import { LEDGER_ENTRY_SELECT } from "@/lib/payments/list-ledger";

export type ExportMedia = { archivePath: string; fileKey: string };

export type ExportData = {
  /** File name in the zip → its JSON content. */
  files: Record<string, unknown>;
  /** The user's uploaded files, to copy into the zip under media/. */
  media: ExportMedia[];
};

const EXTENSIONS: Record<string, string> = {
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

/**
 * Everything the user put into Grover or that is about them, as plain JSON, one query per kind
 * of record (never one per row). Other people appear by username only.
 */
export async function collectExportData(userId: string): Promise<ExportData> {
  const [user, posts, comments, likes, reactions, saves, reposts, following, followers] =
    await Promise.all([
      db.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          username: true,
          displayName: true,
          bio: true,
          website: true,
          location: true,
          avatarId: true,
          bannerId: true,
          role: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
      db.post.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          text: true,
          contentWarning: true,
          createdAt: true,
          editedAt: true,
          quotedPostId: true,
          priceAmount: true,
          priceCurrency: true,
          likeCount: true,
          commentCount: true,
          reactionCount: true,
          repostCount: true,
          quoteCount: true,
          tags: { select: { tag: true }, orderBy: { tag: "asc" } },
          edits: {
            select: { text: true, contentWarning: true, writtenAt: true },
            orderBy: { writtenAt: "asc" },
          },
          media: { select: { id: true, alt: true }, orderBy: { position: "asc" } },
        },
      }),
      db.comment.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: "asc" },
        select: { id: true, postId: true, text: true, createdAt: true },
      }),
      db.like.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { postId: true, createdAt: true },
      }),
      db.reaction.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { postId: true, emoji: true, createdAt: true },
      }),
      db.save.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { postId: true, createdAt: true },
      }),
      db.repost.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { postId: true, createdAt: true },
      }),
      db.follow.findMany({
        where: { followerId: userId },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, following: { select: { username: true } } },
      }),
      db.follow.findMany({
        where: { followingId: userId },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, follower: { select: { username: true } } },
      }),
    ]);
  const money = await collectMoney(userId);
  const settings = await collectSettings(userId);
  const media = await db.media.findMany({
    where: { ownerId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      mimeType: true,
      fileKey: true,
      width: true,
      height: true,
      size: true,
      alt: true,
      postId: true,
      createdAt: true,
    },
  });
  const archivePath = (m: { id: string; mimeType: string }) =>
    `media/${m.id}.${EXTENSIONS[m.mimeType] ?? "bin"}`;

  return {
    files: {
      "profile.json": user,
      "posts.json": posts.map(({ tags, edits, media: attached, ...post }) => ({
        ...post,
        hashtags: tags.map((t) => t.tag),
        editHistory: edits,
        media: attached.map((m) => m.id),
      })),
      "comments.json": comments,
      "likes.json": likes,
      "reactions.json": reactions,
      "saves.json": saves,
      "reposts.json": reposts,
      "follows.json": {
        following: following.map((f) => ({ username: f.following.username, since: f.createdAt })),
        followers: followers.map((f) => ({ username: f.follower.username, since: f.createdAt })),
      },
      ...money,
      ...settings,
      "media.json": media.map(({ fileKey: _key, ...m }) => ({ ...m, file: archivePath(m) })),
    },
    media: media.map((m) => ({ archivePath: archivePath(m), fileKey: m.fileKey })),
  };
}

/** Payments as buyer and as creator, the creator's ledger and payouts. */
async function collectMoney(userId: string): Promise<Record<string, unknown>> {
  const paymentSelect = {
    id: true,
    kind: true,
    postId: true,
    amount: true,
    currency: true,
    fee: true,
    status: true,
    refundedAmount: true,
    createdAt: true,
    capturedAt: true,
  } as const;
  const [bought, received, ledger, payouts] = await Promise.all([
    db.payment.findMany({
      where: { buyerId: userId },
      orderBy: { createdAt: "asc" },
      select: { ...paymentSelect, creator: { select: { username: true } } },
    }),
    db.payment.findMany({
      where: { creatorId: userId },
      orderBy: { createdAt: "asc" },
      select: { ...paymentSelect, buyer: { select: { username: true } } },
    }),
    db.ledgerEntry.findMany({
      where: { creatorId: userId },
      orderBy: { createdAt: "asc" },
      select: LEDGER_ENTRY_SELECT,
    }),
    db.payout.findMany({
      where: { creatorId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        amount: true,
        currency: true,
        paypalEmail: true,
        status: true,
        createdAt: true,
        settledAt: true,
      },
    }),
  ]);
  return {
    "payments.json": {
      asBuyer: bought.map(({ creator, ...p }) => ({ ...p, creator: creator.username })),
      asCreator: received.map(({ buyer, ...p }) => ({ ...p, buyer: buyer.username })),
    },
    "ledger.json": ledger,
    "payouts.json": payouts,
  };
}

/** Notification settings, and who and what the user blocked or muted. */
async function collectSettings(userId: string): Promise<Record<string, unknown>> {
  const [notifications, blocks, mutes, mutedWords] = await Promise.all([
    db.notificationSettings.findUnique({
      where: { userId },
      select: { mutedKinds: true, emailKinds: true },
    }),
    db.block.findMany({
      where: { blockerId: userId },
      select: { createdAt: true, blocked: { select: { username: true } } },
    }),
    db.mute.findMany({
      where: { muterId: userId },
      select: { createdAt: true, muted: { select: { username: true } } },
    }),
    db.mutedWord.findMany({ where: { userId }, select: { word: true, createdAt: true } }),
  ]);
  return {
    "notification-settings.json": {
      mutedKinds: notifications?.mutedKinds ?? [],
      emailKinds: resolveEmailKinds(notifications?.emailKinds),
    },
    "safety.json": {
      blocked: blocks.map((b) => ({ username: b.blocked.username, since: b.createdAt })),
      muted: mutes.map((m) => ({ username: m.muted.username, since: m.createdAt })),
      mutedWords,
    },
  };
}
