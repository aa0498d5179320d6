import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { prefetchPosts } from "@/app/_lib/prefetch-posts";
import { userKeys } from "@/client/query-keys";
import { PostFeed } from "@/components/posts/post-list";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PencilIcon } from "@/components/ui/icons";
import { ProfileHeader } from "@/components/users/profile-header";
import { loadProfile } from "./load-profile";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  const profile = await loadProfile(decodeURIComponent(username));
  if (!profile) return { title: "Profile not found" };
  return {
    title: `${profile.displayName} (@${profile.username})`,
    description: profile.bio || `${profile.displayName} on Grover.`,
  };
}

export default async function ProfilePage({ params }: Props) {
  const { username: raw } = await params;
  const profile = await loadProfile(decodeURIComponent(raw));
  if (!profile) notFound();
  // /u/<id> and /u/Ada both work; the address people share is /u/ada.
  if (decodeURIComponent(raw) !== profile.username) redirect(`/u/${profile.username}`);

  // The header reads the profile from React Query, so follows and edits update it in place;
  // handing it the server's copy means no loading state and no second request.
  const queryClient = new QueryClient();
  queryClient.setQueryData(userKeys.profile(profile.username), profile);
  const viewer = await loadViewer();
  await prefetchPosts(queryClient, { kind: "user", username: profile.username }, viewer?.userId);
  const isSelf = profile.viewer?.isSelf ?? false;

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <ProfileHeader username={profile.username} />
        <section aria-labelledby="posts-heading" className="space-y-3">
          <h2 id="posts-heading" className="text-lg font-semibold">
            Posts
          </h2>
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
        </section>
      </div>
    </HydrationBoundary>
  );
}
