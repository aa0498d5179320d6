import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { loadViewer } from "@/app/_lib/load-viewer";
import { prefetchPosts } from "@/app/_lib/prefetch-posts";
import { Composer } from "@/components/posts/composer";
import { PostFeed } from "@/components/posts/post-list";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { HomeIcon } from "@/components/ui/icons";
import { WhoToFollow } from "@/components/users/who-to-follow";

function SignedInHome() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Home</h1>
      <Composer />
      <section aria-labelledby="feed-heading" className="space-y-3">
        <h2 id="feed-heading" className="sr-only">
          Your feed
        </h2>
        <PostFeed
          list={{ kind: "home" }}
          label="Home feed"
          headingLevel="h3"
          empty={
            // An empty feed means following no one yet: suggest people right here.
            <div className="space-y-4">
              <EmptyState
                icon={<HomeIcon className="size-6" />}
                title="Your feed is quiet"
                description="Posts from you and the people you follow show up here. Explore what's popular, or search for people whose work you love."
                headingLevel="h3"
                action={
                  <div className="flex flex-wrap justify-center gap-2">
                    <Link href="/explore" className={buttonClassName()}>
                      Explore posts
                    </Link>
                    <Link href="/search" className={buttonClassName({ variant: "secondary" })}>
                      Search for people
                    </Link>
                  </div>
                }
              />
              <WhoToFollow headingLevel="h3" />
            </div>
          }
        />
      </section>
    </div>
  );
}

function SignedOutHome() {
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="welcome"
        className="rounded-2xl border border-stone-200 bg-white px-5 py-8 text-center shadow-sm sm:px-8"
      >
        <h1 id="welcome" className="text-3xl font-bold tracking-tight">
          Welcome to Grover
        </h1>
        <p className="mx-auto mt-2 max-w-md text-stone-600">
          Follow the creators you love, see what they make, and support them directly.
        </p>
        <div className="mt-5 flex flex-wrap justify-center gap-2">
          <Link href="/signup" className={buttonClassName()}>
            Create an account
          </Link>
          <Link href="/signin" className={buttonClassName({ variant: "secondary" })}>
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="explore-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="explore-heading" className="text-lg font-semibold">
            Popular on Grover
          </h2>
          <Link
            href="/explore"
            className="rounded text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            See more
          </Link>
        </div>
        <PostFeed
          list={{ kind: "explore" }}
          label="Popular posts"
          headingLevel="h3"
          empty={
            <EmptyState
              title="Nothing here yet"
              description="Be the first: create an account and share what you're making."
              headingLevel="h3"
            />
          }
        />
      </section>
    </div>
  );
}

/** Signed in: write a post and read the feed. Signed out: a welcome and what's popular. */
export default async function HomePage() {
  const viewer = await loadViewer();
  const queryClient = new QueryClient();
  await prefetchPosts(queryClient, { kind: viewer ? "home" : "explore" }, viewer?.userId);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {viewer ? <SignedInHome /> : <SignedOutHome />}
    </HydrationBoundary>
  );
}
