import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { loadViewer } from "@/app/_lib/load-viewer";
import { prefetchPosts } from "@/app/_lib/prefetch-posts";
import { prefetchDiscovery } from "@/app/_lib/prefetch-discovery";
import { TrendingTags } from "@/components/discovery/trending-tags";
import { PostFeed } from "@/components/posts/post-list";
import { WhoToFollow } from "@/components/users/who-to-follow";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CompassIcon } from "@/components/ui/icons";

export const metadata: Metadata = {
  title: "Explore",
  description: "What people are posting on Grover right now.",
};

export default async function ExplorePage() {
  const viewer = await loadViewer();
  const queryClient = new QueryClient();
  await Promise.all([
    prefetchPosts(queryClient, { kind: "explore" }, viewer?.userId),
    prefetchDiscovery(queryClient, viewer?.userId),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-5">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Explore</h1>
          <p className="text-stone-600">What people across Grover are posting and liking now.</p>
        </div>
        <TrendingTags />
        <WhoToFollow />
        <h2 className="text-lg font-semibold">Popular posts</h2>
        <PostFeed
          list={{ kind: "explore" }}
          headingLevel="h3"
          label="Explore"
          empty={
            <EmptyState
              icon={<CompassIcon className="size-6" />}
              title="Nothing to explore yet"
              description="When people start posting, their work shows up here."
              action={
                <Link href="/search" className={buttonClassName({ variant: "secondary" })}>
                  Search Grover
                </Link>
              }
            />
          }
        />
      </div>
    </HydrationBoundary>
  );
}
