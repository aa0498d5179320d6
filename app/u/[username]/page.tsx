import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { profileMetadata } from "@/app/_lib/share-metadata";
import { prefetchPosts } from "@/app/_lib/prefetch-posts";
import { postKeys, userKeys } from "@/client/query-keys";
import { loadPost } from "@/app/p/[id]/load-post";
import { UserCommentList } from "@/components/comments/user-comment-list";
import { PostFeed } from "@/components/posts/post-list";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ImageIcon, PencilIcon } from "@/components/ui/icons";
import { PinnedPost } from "@/components/users/pinned-post";
import { parseProfileTab, ProfileTabs } from "@/components/users/profile-tabs";
import { ProfileHeader } from "@/components/users/profile-header";
import { loadProfile } from "./load-profile";

type Props = {
  params: Promise<{ username: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  const profile = await loadProfile(decodeURIComponent(username));
  if (!profile) return { title: "Profile not found", robots: { index: false } };
  return profileMetadata(profile);
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { username: raw } = await params;
  const tab = parseProfileTab((await searchParams).tab);
  const profile = await loadProfile(decodeURIComponent(raw));
  if (!profile) notFound();
  // /u/<id> and /u/Ada both work; the address people share is /u/ada.
  if (decodeURIComponent(raw) !== profile.username) {
    redirect(`/u/${profile.username}${tab === "posts" ? "" : `?tab=${tab}`}`);
  }

  // The header reads the profile from React Query, so follows and edits update it in place;
  // handing it the server's copy means no loading state and no second request.
  const queryClient = new QueryClient();
  queryClient.setQueryData(userKeys.profile(profile.username), profile);
  const viewer = await loadViewer();
  if (tab !== "replies") {
    const list = {
      kind: tab === "media" ? "user-media" : "user",
      username: profile.username,
    } as const;
    await prefetchPosts(queryClient, list, viewer?.userId);
  }
  // The pinned post arrives with the page, first on the Posts tab.
  const pinned =
    tab === "posts" && profile.pinnedPostId ? await loadPost(profile.pinnedPostId) : null;
  if (pinned) queryClient.setQueryData(postKeys.detail(pinned.id), pinned);
  const isSelf = profile.viewer?.isSelf ?? false;
  const tabLabel = { posts: "Posts", replies: "Replies", media: "Media" }[tab];

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <ProfileHeader username={profile.username} />
        <ProfileTabs username={profile.username} current={tab} />
        <section aria-labelledby="profile-tab-heading" className="space-y-3">
          <h2 id="profile-tab-heading" className="sr-only">
            {tabLabel}
          </h2>
          {tab === "posts" ? <PinnedPost username={profile.username} /> : null}
          {tab === "replies" ? (
            <UserCommentList username={profile.username} displayName={profile.displayName} />
          ) : tab === "media" ? (
            <PostFeed
              list={{ kind: "user-media", username: profile.username }}
              label={`Media by ${profile.displayName}`}
              headingLevel="h3"
              endMessage={`That's every post with media by ${profile.displayName}.`}
              empty={
                <EmptyState
                  icon={<ImageIcon className="size-5" />}
                  title="No photos or videos yet"
                  description={`Posts with images or videos by ${profile.displayName} show up here.`}
                  headingLevel="h3"
                />
              }
            />
          ) : (
            <PostFeed
              list={{ kind: "user", username: profile.username }}
              label={`Posts by ${profile.displayName}`}
              headingLevel="h3"
              endMessage={`That's every post by ${profile.displayName}.`}
              empty={
                <EmptyState
                  icon={<PencilIcon className="size-5" />}
                  title={isSelf ? "You haven't posted yet" : "No posts yet"}
                  description={
                    isSelf
                      ? "Your posts will appear here for your followers to see."
                      : `When ${profile.displayName} posts, you'll see it here.`
                  }
                  headingLevel="h3"
                  action={
                    isSelf ? (
                      <Link href="/" className={buttonClassName()}>
                        Write your first post
                      </Link>
                    ) : null
                  }
                />
              }
            />
          )}
        </section>
      </div>
    </HydrationBoundary>
  );
}
