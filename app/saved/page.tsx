import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/app/_lib/require-viewer";
import { prefetchPosts } from "@/app/_lib/prefetch-posts";
import { PostFeed } from "@/components/posts/post-list";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BookmarkIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Saved" };

export default async function SavedPage() {
  const viewer = await requireViewer("/saved");
  const queryClient = new QueryClient();
  await prefetchPosts(queryClient, { kind: "saved" }, viewer.userId);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-5">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Saved</h1>
          <p className="text-stone-600">Posts you saved to come back to. Only you can see this.</p>
        </div>
        <PostFeed
          list={{ kind: "saved" }}
          label="Saved posts"
          endMessage="That's everything you saved."
          empty={
            <EmptyState
              icon={<BookmarkIcon className="size-6" />}
              title="Nothing saved yet"
              description="Press the bookmark on any post to keep it here for later."
              action={
                <Link href="/explore" className={buttonClassName()}>
                  Explore posts
                </Link>
              }
            />
          }
        />
      </div>
    </HydrationBoundary>
  );
}
