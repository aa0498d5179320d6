// No `server-only`: the posts page's and the feed's SQL build their user JSON from this select
// (selectJsonSql), and scripts/bench.ts runs that SQL through raw `pg`.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns a user summary (TUserSummary) is built from, in Prisma and in SQL alike. */
export const USER_SUMMARY_SELECT = {
  id: true,
  username: true,
  displayName: true,
  bio: true,
  avatarId: true,
  avatar: { select: { thumbnailKey: true } },
} satisfies Prisma.UserSelect;

export type UserSummaryRow = Prisma.UserGetPayload<{ select: typeof USER_SUMMARY_SELECT }>;
