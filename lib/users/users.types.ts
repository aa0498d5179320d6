import { z } from "zod";

// Usernames double as URL segments (/u/{username}), so these can never be taken.
export const RESERVED_USERNAMES = new Set([
  "admin",
  "api",
  "app",
  "auth",
  "explore",
  "feed",
  "grover",
  "help",
  "home",
  "login",
  "logout",
  "me",
  "notifications",
  "posts",
  "profile",
  "root",
  "saved",
  "search",
  "settings",
  "signin",
  "signout",
  "signup",
  "support",
  "system",
  "users",
]);

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "qwertyuiop",
  "123456789a",
  "iloveyou123",
  "letmein1234",
  "welcome1234",
  "passw0rd123",
  "abc1234567",
]);

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "must not contain control characters");

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const ZEmailSchema = z
  .email({ message: "must be a valid email address" })
  .max(254)
  .transform((v) => v.toLowerCase());

export const ZPasswordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters")
  .refine((v) => new Set(v).size >= 5, "is too repetitive")
  .refine(
    (v) => /[a-zA-Z]/.test(v) && /[^a-zA-Z]/.test(v),
    "must mix letters with digits or symbols",
  )
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), "is too common");

export const ZUsernameSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(30, "must be at most 30 characters")
  .regex(/^[a-zA-Z0-9_]+$/, "may contain only letters, digits and underscores")
  .transform((v) => v.toLowerCase())
  .meta({ example: "ada_l" });

export const ZDisplayNameSchema = singleLine(50).pipe(z.string().min(1, "must not be empty"));

export const ZRegisterBodySchema = z
  .strictObject({
    email: ZEmailSchema,
    password: ZPasswordSchema,
    username: ZUsernameSchema,
    displayName: ZDisplayNameSchema,
  })
  .meta({ id: "RegisterRequest" });

export const ZSignInBodySchema = z
  .strictObject({
    email: ZEmailSchema,
    password: z.string().min(1).max(200),
  })
  .meta({ id: "SignInRequest" });

/** An image id from the media API (an image the user uploaded: checked in update-profile.ts). */
const ZImageIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/i, "must be a media id");

export const ZUpdateProfileBodySchema = z
  .strictObject({
    displayName: ZDisplayNameSchema.optional(),
    username: ZUsernameSchema.optional(),
    bio: z
      .string()
      .max(300)
      .transform((v) => v.trim())
      .optional(),
    website: z
      .string()
      .trim()
      .max(200)
      .refine((v) => v === "" || isHttpUrl(v), "must be an http(s) URL")
      .nullable()
      .optional(),
    location: singleLine(100).nullable().optional(),
    avatarId: ZImageIdSchema.nullable().optional(),
    bannerId: ZImageIdSchema.nullable().optional(),
    pinnedPostId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .meta({ description: "One of your own posts to show first on your profile; null unpins." }),
  })
  .meta({ id: "UpdateProfileRequest" });

export const ZUserRefParamsSchema = z.object({
  id: z.string().min(1).max(64).meta({ description: "A user id or username." }),
});

export const ZViewerRelationSchema = z
  .object({
    isSelf: z.boolean(),
    following: z.boolean().meta({ description: "The viewer follows this user." }),
    followsYou: z.boolean().meta({ description: "This user follows the viewer." }),
  })
  .meta({ id: "ViewerRelation" });

export const ZUserSummarySchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    bio: z.string(),
    avatarId: z.string().nullable(),
    avatarUrl: z
      .string()
      .nullable()
      .meta({ description: "The avatar's thumbnail (WebP, 400 px)." }),
    viewer: ZViewerRelationSchema.nullable(),
  })
  .meta({ id: "UserSummary" });

export const ZUserStatsSchema = z
  .object({
    followers: z.number().int(),
    following: z.number().int(),
    posts: z.number().int(),
    likesReceived: z.number().int(),
  })
  .meta({ id: "UserStats" });

export const ZPublicUserSchema = ZUserSummarySchema.extend({
  website: z.string().nullable(),
  location: z.string().nullable(),
  bannerId: z.string().nullable(),
  bannerUrl: z.string().nullable().meta({ description: "The banner at display size (WebP)." }),
  pinnedPostId: z
    .string()
    .nullable()
    .meta({ description: "The post shown first on the profile (GET /api/posts/{id})." }),
  createdAt: z.iso.datetime(),
  stats: ZUserStatsSchema,
}).meta({ id: "PublicUser" });

export const ZCurrentUserSchema = ZPublicUserSchema.extend({
  email: z.string(),
  emailVerified: z.boolean().meta({
    description:
      "The address is confirmed (its link was followed, or the sign-in provider vouched for it). Payouts need it.",
  }),
  /** Lets the UI offer moderation to moderators; the API checks the role itself on every call. */
  role: z.enum(["user", "moderator", "admin"]),
}).meta({ id: "CurrentUser" });

export const ZSessionTokenSchema = z
  .object({
    token: z.string().meta({ description: "Send as `Authorization: Bearer <token>`." }),
    expiresAt: z.iso.datetime(),
    user: ZCurrentUserSchema,
  })
  .meta({ id: "SessionToken" });

export type TRegisterBody = z.infer<typeof ZRegisterBodySchema>;
export type TUpdateProfileBody = z.infer<typeof ZUpdateProfileBodySchema>;
export type TUserSummary = z.infer<typeof ZUserSummarySchema>;
export type TPublicUser = z.infer<typeof ZPublicUserSchema>;
export type TCurrentUser = z.infer<typeof ZCurrentUserSchema>;
export type TUserStats = z.infer<typeof ZUserStatsSchema>;
export type TViewerRelation = z.infer<typeof ZViewerRelationSchema>;

/** `?q=` of `GET /api/users/autocomplete`: what follows the "@" being typed. */
export const ZUserAutocompleteQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .transform((q) => q.replace(/^@/, ""))
    .pipe(z.string().min(1, "must not be empty").max(50, "must be at most 50 characters"))
    .meta({ description: "The start of a username or display name; a leading `@` is ignored." }),
  limit: z.coerce.number().int().min(1).max(10).default(6),
});

export const ZMentionCandidateSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    following: z.boolean().meta({ description: "The viewer follows this user." }),
  })
  .meta({ id: "MentionCandidate" });
export type TMentionCandidate = z.infer<typeof ZMentionCandidateSchema>;

export const ZMentionCandidatesSchema = z
  .object({ items: z.array(ZMentionCandidateSchema) })
  .meta({ id: "MentionCandidates" });
