import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { SUGGESTIONS_LIMIT, TRENDING_LIMIT } from "@/client/hooks/use-discovery";
import { discoveryKeys } from "@/client/query-keys";
import { listSuggestedUsers } from "@/lib/discovery/list-suggested-users";
import { listTrendingTags } from "@/lib/discovery/list-trending-tags";
import { log } from "@/lib/log";

/**
 * Trending tags and who to follow, as the API would answer them, into `queryClient` under the
 * keys their components read, so they arrive with the page. `only` picks one of the two.
 */
export async function prefetchDiscovery(
  queryClient: QueryClient,
  viewerId: string | undefined,
  only?: "suggestions",
): Promise<void> {
  try {
    const [suggestions, trending] = await Promise.all([
      listSuggestedUsers(SUGGESTIONS_LIMIT, viewerId),
      only ? null : listTrendingTags(TRENDING_LIMIT, viewerId),
    ]);
    queryClient.setQueryData(discoveryKeys.suggestions(), { items: suggestions });
    if (trending) queryClient.setQueryData(discoveryKeys.trending(), { items: trending });
  } catch (error) {
    // The page still renders; the components fetch in the browser and show their own errors.
    log.warn("prefetching discovery failed", { error });
  }
}
