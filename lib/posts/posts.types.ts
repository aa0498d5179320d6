import { z } from "zod";
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
    text: ZPostTextSchema,
    contentWarning: ZContentWarningSchema.optional(),
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
    isAuthor: z.boolean(),
  })
  .meta({ id: "PostViewerState" });

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
    }),
    reactions: z.array(ZReactionCountSchema).meta({ description: "Counts per emoji, most first." }),
    viewer: ZPostViewerStateSchema.nullable().meta({ description: "Null when signed out." }),
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
  })
  .meta({ id: "CreateCommentRequest" });

export const ZCommentSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    author: ZUserSummarySchema,
    text: z.string(),
    createdAt: z.iso.datetime(),
    viewer: z.object({ canDelete: z.boolean() }).nullable(),
  })
  .meta({ id: "Comment" });

export type TCreatePostBody = z.infer<typeof ZCreatePostBodySchema>;
export type TUpdatePostBody = z.infer<typeof ZUpdatePostBodySchema>;
export type TPost = z.infer<typeof ZPostSchema>;
export type TPostHistory = z.infer<typeof ZPostHistorySchema>;
export type TComment = z.infer<typeof ZCommentSchema>;
export type TReactionEmoji = z.infer<typeof ZReactionEmojiSchema>;
