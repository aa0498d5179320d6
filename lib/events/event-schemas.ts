import { z } from "zod";
import { EMAIL_TEMPLATES } from "@/lib/mail/email-templates";

// Every event Grover publishes, with the schema its payload must match. publish-event.ts checks a
// payload against it when the event is written to the outbox (so a bad payload fails in the
// caller, inside its transaction), and inngest/event-types.ts gives the same schemas to Inngest.
//
// No transforms or defaults here: Inngest needs a schema's input and output types to match.
// Payloads carry ids, not copies of rows: a function reads the current state when it runs.

const id = z.string().min(1).max(64);

export const EVENT_SCHEMAS = {
  /** An account was created (register-user.ts). */
  "user.created": z.strictObject({ userId: id }),

  /** Someone started following someone (follow-user.ts); only a new follow publishes it. */
  "user.followed": z.strictObject({ followerId: id, followingId: id }),

  /**
   * A post was published (create-post.ts). `mentionedUserIds`: the users its text @mentions, as
   * resolved when it was written; they get a mention instead of a new-post notification.
   */
  "post.created": z.strictObject({
    postId: id,
    authorId: id,
    mentionedUserIds: z.array(id).max(20),
  }),

  /**
   * An edit changed the first link in a post's text (update-post.ts): its link preview is
   * fetched again (a new post's comes with post.created).
   */
  "post.link.changed": z.strictObject({ postId: id }),

  /** A user asked for an archive of their data (lib/account/request-export.ts). */
  "account.export.requested": z.strictObject({ exportId: id, userId: id }),

  /** A post got a like (like-post.ts); only a new like publishes it. */
  "post.liked": z.strictObject({ postId: id, authorId: id, likerId: id }),

  /**
   * A post was reposted (repost-post.ts, only a new repost) or quoted (create-post.ts, with
   * `quotePostId`, the new post). `authorId` is the original's author.
   */
  "post.shared": z.strictObject({
    postId: id,
    authorId: id,
    sharerId: id,
    quotePostId: id.optional(),
  }),

  /** A post got a comment (create-comment.ts). `authorId` is the post's author. */
  "post.commented": z.strictObject({
    postId: id,
    authorId: id,
    commentId: id,
    commenterId: id,
  }),

  /**
   * A comment got a reply (create-comment.ts with a parentId). `parentId` is the top-level
   * comment it is filed under; whom to tell (that comment's author, and whom a reply to a reply
   * answers) is read from the rows when the function runs.
   */
  "comment.replied": z.strictObject({
    postId: id,
    commentId: id,
    parentId: id,
    replierId: id,
  }),

  /**
   * A user was @mentioned anywhere but in a new post's text (which post.created covers): in a
   * comment, or added to a post by an edit.
   */
  "user.mentioned": z.strictObject({
    mentionedUserId: id,
    actorId: id,
    postId: id,
    commentId: id.nullable(),
  }),

  /**
   * A payment was captured (the payments issue publishes it in the capture's transaction): the
   * creator is told, the buyer gets a receipt. Amounts in minor units (cents) of `currency`.
   * `postId`: the post bought or tipped from; null for a tip from a profile, and for a purchase
   * whose post was deleted since (which still deserves its receipt).
   */
  "payment.completed": z
    .strictObject({
      paymentId: id,
      kind: z.enum(["tip", "post_purchase"]),
      buyerId: id,
      creatorId: id,
      postId: id.nullable(),
      amount: z.int().positive().max(100_000_000),
      currency: z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code"),
    })
    .refine((p) => p.buyerId !== p.creatorId, {
      message: "buyer and creator must differ",
      path: ["creatorId"],
    }),

  /**
   * A mail to send (lib/mail/request-email.ts), in the transaction of its cause. `dedupeKey`
   * names the cause: one mail per key, however often the step runs. `data` fills the template
   * and is stored in the outbox, so it never holds a secret (a reset mail carries a seed the
   * token is derived from with AUTH_SECRET, not the token).
   */
  "email.requested": z.strictObject({
    to: z.email().max(254),
    template: z.enum(EMAIL_TEMPLATES),
    data: z.record(z.string().max(64), z.string().max(2_000)),
    dedupeKey: z.string().min(1).max(200),
  }),
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventData<N extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[N]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENT_SCHEMAS, name);
}
