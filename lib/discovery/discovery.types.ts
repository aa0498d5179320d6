import { z } from "zod";
import { ZPageQuerySchema } from "@/lib/api/pagination";
import { ZCommentSchema, ZPostSchema } from "@/lib/posts/posts.types";
import { ZUserSummarySchema } from "@/lib/users/users.types";

export const ZTrendingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(30).default(10),
});

export const ZTrendingTagSchema = z
  .object({
    tag: z.string().meta({ description: "Lower-cased, without the '#'.", example: "sunrise" }),
    uses: z.int().meta({ description: "Posts that used it in the last 24 hours." }),
    score: z.number().meta({
      description: "Uses weighted by age: each counts 1 when new and half as much every 6 hours.",
    }),
  })
  .meta({ id: "TrendingTag" });

export const ZTrendingTagsSchema = z
  .object({ items: z.array(ZTrendingTagSchema) })
  .meta({ id: "TrendingTags" });

export const ZSuggestionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(30).default(5),
});

export const ZSuggestedUserSchema = ZUserSummarySchema.extend({
  followedBy: z.int().meta({
    description: "How many of the accounts you follow follow this one (0: suggested as popular).",
  }),
}).meta({ id: "SuggestedUser" });

export const ZSuggestionsSchema = z
  .object({ items: z.array(ZSuggestedUserSchema) })
  .meta({ id: "UserSuggestions" });

export type TTrendingTag = z.infer<typeof ZTrendingTagSchema>;
export type TSuggestedUser = z.infer<typeof ZSuggestedUserSchema>;

export const ZUserPostsQuerySchema = ZPageQuerySchema.extend({
  filter: z
    .enum(["media"])
    .optional()
    .meta({ description: "`media`: only posts with images or videos (the profile's Media tab)." }),
});

export const ZUserCommentSchema = ZCommentSchema.extend({
  post: ZPostSchema.meta({ description: "The post the comment answers, as you see it." }),
}).meta({ id: "UserComment" });

export type TUserPostsQuery = z.infer<typeof ZUserPostsQuerySchema>;
export type TUserComment = z.infer<typeof ZUserCommentSchema>;
