import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { prefetchDiscovery } from "@/app/_lib/prefetch-discovery";
import { TrendingTags } from "@/components/discovery/trending-tags";
import { buttonClassName } from "@/components/ui/button";
import { WhoToFollow } from "@/components/users/who-to-follow";

export const metadata: Metadata = { title: "Welcome", robots: { index: false } };

/**
 * Where a new account lands after sign-up: instead of an empty profile, people to follow and
 * what is being talked about, then on to the feed those follows fill.
 */
export default async function WelcomePage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/welcome")}`);
  const queryClient = new QueryClient();
  await prefetchDiscovery(queryClient, viewer.userId);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-5">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Welcome to Grover</h1>
          <p className="text-stone-600">
            Your home feed shows posts from the people you follow. Follow a few to get started.
          </p>
        </div>
        <WhoToFollow title="People to follow" />
        <TrendingTags />
        <div className="flex flex-wrap gap-2">
          <Link href="/" className={buttonClassName()}>
            Go to your feed
          </Link>
          <Link href="/settings/profile" className={buttonClassName({ variant: "secondary" })}>
            Set up your profile
          </Link>
        </div>
      </div>
    </HydrationBoundary>
  );
}
