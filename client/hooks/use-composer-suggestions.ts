import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import type { TComposerToken } from "@/client/composer-token";
import { tagKeys, userKeys } from "@/client/query-keys";
import type { TTagSuggestion } from "@/lib/posts/posts.types";
import type { TMentionCandidate } from "@/lib/users/users.types";
import { useDebouncedValue } from "./use-debounced-value";

const DEBOUNCE_MS = 120;
const LIMIT = 6;

export type TComposerSuggestion =
  | { kind: "mention"; value: string; user: TMentionCandidate }
  | { kind: "tag"; value: string; tag: TTagSuggestion };

/**
 * People or hashtags for the token the caret is in (`null`: none), once typing pauses briefly.
 * Keeps the previous list while the next loads, so the list doesn't flicker on each keystroke.
 */
export function useComposerSuggestions(token: TComposerToken | null) {
  const wanted = token ? `${token.kind}:${token.query.toLowerCase()}` : "";
  const debounced = useDebouncedValue(wanted, DEBOUNCE_MS);
  const [kind, query] = debounced ? (debounced.split(/:(.*)/s) as [string, string]) : ["", ""];
  const result = useQuery({
    queryKey: kind === "tag" ? tagKeys.search(query) : userKeys.autocomplete(query),
    queryFn: async ({ signal }): Promise<TComposerSuggestion[]> => {
      const q = encodeURIComponent(query);
      if (kind === "tag") {
        const { items } = await apiFetch<{ items: TTagSuggestion[] }>(
          `/api/tags/search?q=${q}&limit=${LIMIT}`,
          { signal },
        );
        return items.map((tag) => ({ kind: "tag", value: tag.tag, tag }));
      }
      const { items } = await apiFetch<{ items: TMentionCandidate[] }>(
        `/api/users/autocomplete?q=${q}&limit=${LIMIT}`,
        { signal },
      );
      return items.map((user) => ({ kind: "mention", value: user.username, user }));
    },
    enabled: debounced !== "",
    staleTime: 30_000,
    retry: retryUnlessClientError,
    placeholderData: keepPreviousData,
  });
  // Only suggestions for what is typed now: none while the caret has left the token, and the
  // previous kind's list never stands in for the other's.
  const current = token !== null && debounced !== "" && debounced.startsWith(`${token.kind}:`);
  const suggestions = current ? (result.data ?? []).filter((s) => s.kind === token.kind) : [];
  return { suggestions, isFetching: result.isFetching };
}
