import { z } from "zod";
import { ZLinkPreviewSchema } from "@/lib/link-previews/link-previews.types";
import { MAX_MEDIA_PER_POST, ZMediaIdSchema, ZMediaSchema } from "@/lib/media/media.types";
import { ZPriceSchema } from "@/lib/payments/payments.types";
import { ZUserSummarySchema } from "@/lib/users/users.types";

export const POST_TEXT_MAX = 2000;
export const CONTENT_WARNING_MAX = 100;
export const COMMENT_TEXT_MAX = 1000;

/** The reactions a post accepts besides a like. */
export const ALLOWED_REACTIONS = ["❤️", "😂", "😮", "😢", "🔥", "👏"] as const;
// Keyboards send the heart with or without its emoji-style variation selector: accept both.
export const ZReactionEmojiSchema = z.preprocess(
  (value) => (value === "\u2764" ? "\u2764\uFE0F" : value),
  z.enum(ALLOWED_REACTIONS, { message: `must be one of ${ALLOWED_REACTIONS.join(" ")}` }),
);

const ZPostTextSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(POST_TEXT_MAX, `must be at most ${POST_TEXT_MAX} characters`);

const ZContentWarningSchema = z
  .string()
  .trim()
  .max(CONTENT_WARNING_MAX, `must be at most ${CONTENT_WARNING_MAX} characters`)
  .transform((v) => v || null)
  .nullable();

export const ZCreatePostBodySchema = z
  .strictObject({
    // May be empty when media is attached: a photo post needs no words.
    text: z
      .string()
      .trim()
      .max(POST_TEXT_MAX, `must be at most ${POST_TEXT_MAX} characters`)
      .default(""),
    contentWarning: ZContentWarningSchema.optional(),
    mediaIds: z
      .array(ZMediaIdSchema)
      .max(MAX_MEDIA_PER_POST, `at most ${MAX_MEDIA_PER_POST} media per post`)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat an id")
      .optional()
      .meta({ description: "Your own unattached uploads, shown in this order." }),
    price: ZPriceSchema.optional().meta({
      description: "Makes it a paid post: others see a preview until they buy it.",
    }),
    quotedPostId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Makes it a quote post of this post, shown inside it." }),
  })
  .refine((v) => v.text.length > 0 || (v.mediaIds?.length ?? 0) > 0, {
    message: "must not be empty without media",
    path: ["text"],
  })
  .meta({ id: "CreatePostRequest" });

export const ZUpdatePostBodySchema = z
  .strictObject({
    text: ZPostTextSchema.optional(),
    contentWarning: ZContentWarningSchema.optional(),
  })
  .refine((v) => v.text !== undefined || v.contentWarning !== undefined, {
    message: "send text or contentWarning to change",
  })
  .meta({ id: "UpdatePostRequest" });

/** How post search orders word matches: newest first (the default), or best first. */
export const POST_SEARCH_SORTS = ["latest", "top"] as const;
export const ZPostSearchSortSchema = z.enum(POST_SEARCH_SORTS);
export type TPostSearchSort = z.infer<typeof ZPostSearchSortSchema>;

export const ZPostIdParamsSchema = z.object({
  id: z.string().min(1).max(64),
});

export const ZReactionCountSchema = z.object({
  emoji: z.string(),
  count: z.number().int(),
});

export const ZPostViewerStateSchema = z
  .object({
    liked: z.boolean(),
    saved: z.boolean(),
    reactions: z.array(z.string()).meta({ description: "The viewer's own reactions." }),
    reposted: z.boolean(),
    isAuthor: z.boolean(),
  })
  .meta({ id: "PostViewerState" });

export const ZPaidPostSchema = z
  .object({
    price: z.int().meta({ description: "Minor units (cents) of `currency`." }),
    currency: z.string(),
    unlocked: z.boolean().meta({
      description: "False: `text` is a preview and `media` is empty until the viewer buys it.",
    }),
    mediaCount: z.int().meta({ description: "Media attached, shown once unlocked." }),
  })
  .meta({ id: "PaidPost" });

export const ZQuotedPostSchema = z
  .object({
    id: z.string(),
    available: z.boolean().meta({
      description: "False when the original was deleted or removed, or is hidden from you.",
    }),
    post: z
      .object({
        author: ZUserSummarySchema,
        text: z.string().meta({ description: "A preview only, for a paid post not bought." }),
        contentWarning: z.string().nullable(),
        createdAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: "QuotedPost" });

export const ZPostSchema = z
  .object({
    id: z.string(),
    author: ZUserSummarySchema,
    text: z.string(),
    contentWarning: z.string().nullable(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()).meta({ description: "Usernames mentioned that exist." }),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    counts: z.object({
      likes: z.number().int(),
      comments: z.number().int(),
      reactions: z.number().int(),
      reposts: z.number().int(),
      quotes: z.number().int(),
    }),
    reactions: z.array(ZReactionCountSchema).meta({ description: "Counts per emoji, most first." }),
    media: z.array(ZMediaSchema).meta({ description: "Attached images and videos, in order." }),
    viewer: ZPostViewerStateSchema.nullable().meta({ description: "Null when signed out." }),
    paid: ZPaidPostSchema.nullable().meta({ description: "Null for a free post." }),
    quoted: ZQuotedPostSchema.nullable().meta({ description: "The post this one quotes." }),
    linkPreview: ZLinkPreviewSchema.nullable().meta({
      description:
        "A card for the first link in the text, fetched by the server after the post is written; null until then, without a link, when the page gave nothing, and when a locked paid post's preview doesn't show the link.",
    }),
    repostedBy: ZUserSummarySchema.nullable().meta({
      description: "In the feed: whom you follow that reposted it, when that is why it is here.",
    }),
  })
  .meta({ id: "Post" });

export const ZPostVersionSchema = z
  .object({
    text: z.string(),
    contentWarning: z.string().nullable(),
    writtenAt: z.iso.datetime(),
  })
  .meta({ id: "PostVersion" });

export const ZPostHistorySchema = z
  .object({
    postId: z.string(),
    current: ZPostVersionSchema,
    earlier: z.array(ZPostVersionSchema).meta({ description: "Earlier versions, newest first." }),
  })
  .meta({ id: "PostHistory" });

export const ZCreateCommentBodySchema = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(COMMENT_TEXT_MAX, `must be at most ${COMMENT_TEXT_MAX} characters`),
    parentId: z.string().min(1).max(64).optional().meta({
      description:
        "Reply to this comment of the same post. A reply to a reply is filed under the same top-level comment and names whom it answers (`replyTo`).",
    }),
  })
  .meta({ id: "CreateCommentRequest" });

export const ZCommentSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    parentId: z.string().nullable().meta({
      description: "The top-level comment this replies to; null for a top-level comment.",
    }),
    author: ZUserSummarySchema.nullable().meta({ description: "Null when `deleted`." }),
    text: z.string().meta({ description: "Empty when `deleted`." }),
    createdAt: z.iso.datetime(),
    deleted: z.boolean().meta({
      description:
        "A deleted comment kept as a placeholder (no text, no author) because it has replies.",
    }),
    replyTo: z
      .object({ id: z.string(), username: z.string() })
      .nullable()
      .meta({ description: "Whom a reply to a reply answers (shown as @username)." }),
    replyCount: z.int().meta({ description: "Replies under this comment (top-level only)." }),
    viewer: z.object({ canDelete: z.boolean() }).nullable(),
  })
  .meta({ id: "Comment" });

export const ZCommentIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type TCreatePostBody = z.infer<typeof ZCreatePostBodySchema>;
export type TUpdatePostBody = z.infer<typeof ZUpdatePostBodySchema>;
export type TPost = z.infer<typeof ZPostSchema>;
export type TPostHistory = z.infer<typeof ZPostHistorySchema>;
export type TComment = z.infer<typeof ZCommentSchema>;
export type TReactionEmoji = z.infer<typeof ZReactionEmojiSchema>;

/** `?q=` of `GET /api/tags/search`: what follows the "#" being typed. */
export const ZTagSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .transform((q) => q.replace(/^#/, "").toLowerCase())
    .pipe(
      z.string().regex(/^\p{L}[\p{L}\p{N}_]{0,49}$/u, "must be the start of a hashtag, like `art`"),
    )
    .meta({ description: "The start of a hashtag; a leading `#` is ignored." }),
  limit: z.coerce.number().int().min(1).max(10).default(6),
});

export const ZTagSuggestionSchema = z
  .object({
    tag: z.string().meta({ description: "Lower-case, without `#`.", example: "art" }),
    uses: z.number().int().meta({ description: "Posts using it." }),
  })
  .meta({ id: "TagSuggestion" });
export type TTagSuggestion = z.infer<typeof ZTagSuggestionSchema>;

export const ZTagSuggestionsSchema = z
  .object({ items: z.array(ZTagSuggestionSchema) })
  .meta({ id: "TagSuggestions" });
