import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mediaUrl } from "@/lib/media/to-media";
import { USER_SUMMARY_SELECT, type UserSummaryRow } from "./user-summary-select";
import type { TPublicUser, TUserSummary, TViewerRelation } from "./users.types";

/** The columns a public profile is built from: never email or hashes. */
export const PUBLIC_USER_SELECT = {
  ...USER_SUMMARY_SELECT,
  website: true,
  location: true,
  bannerId: true,
  banner: { select: { fileKey: true } },
  pinnedPostId: true,
  createdAt: true,
  followersCount: true,
  followingCount: true,
  postsCount: true,
  likesReceivedCount: true,
} satisfies Prisma.UserSelect;

export type PublicUserRow = Prisma.UserGetPayload<{ select: typeof PUBLIC_USER_SELECT }>;

export function toUserSummary(row: UserSummaryRow, viewer: TViewerRelation | null): TUserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    bio: row.bio,
    avatarId: row.avatarId,
    avatarUrl: mediaUrl(row.avatar?.thumbnailKey),
    viewer,
  };
}

export function toPublicUser(row: PublicUserRow, viewer: TViewerRelation | null): TPublicUser {
  return {
    ...toUserSummary(row, viewer),
    website: row.website,
    location: row.location,
    bannerId: row.bannerId,
    bannerUrl: mediaUrl(row.banner?.fileKey),
    pinnedPostId: row.pinnedPostId,
    createdAt: row.createdAt.toISOString(),
    stats: {
      followers: row.followersCount,
      following: row.followingCount,
      posts: row.postsCount,
      likesReceived: row.likesReceivedCount,
    },
  };
}
