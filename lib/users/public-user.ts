import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mediaUrl } from "@/lib/media/to-media";
import type { TPublicUser, TUserSummary, TViewerRelation } from "./users.types";

/** The columns a public profile is built from: never email or hashes. */
export const PUBLIC_USER_SELECT = {
  id: true,
  username: true,
  displayName: true,
  bio: true,
  website: true,
  location: true,
  avatarId: true,
  bannerId: true,
  avatar: { select: { thumbnailKey: true } },
  banner: { select: { fileKey: true } },
  createdAt: true,
  followersCount: true,
  followingCount: true,
  postsCount: true,
  likesReceivedCount: true,
} satisfies Prisma.UserSelect;

export const USER_SUMMARY_SELECT = {
  id: true,
  username: true,
  displayName: true,
  bio: true,
  avatarId: true,
  avatar: { select: { thumbnailKey: true } },
} satisfies Prisma.UserSelect;

type PublicUserRow = Prisma.UserGetPayload<{ select: typeof PUBLIC_USER_SELECT }>;
type UserSummaryRow = Prisma.UserGetPayload<{ select: typeof USER_SUMMARY_SELECT }>;

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
    createdAt: row.createdAt.toISOString(),
    stats: {
      followers: row.followersCount,
      following: row.followingCount,
      posts: row.postsCount,
      likesReceived: row.likesReceivedCount,
    },
  };
}
