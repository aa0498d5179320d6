"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useDebouncedValue } from "@/client/hooks/use-debounced-value";
import { POST_SEARCH_MAX_LENGTH, usePostSearch } from "@/client/hooks/use-feed";
import type { TPostSearchSort } from "@/lib/posts/posts.types";
import { useUserSearch } from "@/client/hooks/use-user-search";
import { inputClassName } from "@/components/forms/form-field";
import { PostList } from "@/components/posts/post-list";
import { EmptyState } from "@/components/ui/empty-state";
import { CommentIcon, PeopleIcon, SearchIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { UserList } from "@/components/users/user-list";

// One entry per kind of result; each tab renders its own panel from the same query text.
const TABS = [
  { id: "people", label: "People" },
  { id: "posts", label: "Posts" },
] as const;
export type SearchTabId = (typeof TABS)[number]["id"];
type TabId = SearchTabId;

/** A #tag is looked for among posts; anything else starts with people. */
const defaultTabFor = (query: string): TabId => (query.trim().startsWith("#") ? "posts" : "people");

/** "Searching…", or how many were found once they are. */
function SearchStatus({
  busy,
  count,
  more,
  one,
  many,
}: {
  busy: boolean;
  count: number | null;
  more: boolean;
  one: string;
  many: string;
}) {
  return (
    <p role="status" className="flex min-h-5 items-center gap-2 text-sm text-stone-600">
      {busy ? (
        <>
          <Spinner /> Searching…
        </>
      ) : count ? (
        `${count}${more ? "+" : ""} ${count === 1 && !more ? one : many} found`
      ) : null}
    </p>
  );
}

function PeopleResults({ input }: { input: string }) {
  const search = useUserSearch(input);
  const { debouncedQuery, isSearchable, isDebouncing, isPlaceholderData, isFetching, data } =
    search;

  if (!debouncedQuery) {
    return (
      <EmptyState
        icon={<SearchIcon className="size-6" />}
        title="Find people on Grover"
        description="Search by name or @username. Results appear as you type."
      />
    );
  }
  if (!isSearchable) {
    return (
      <EmptyState
        icon={<PeopleIcon className="size-6" />}
        title={`No people match “${debouncedQuery}”`}
      />
    );
  }

  const busy = isDebouncing || (isFetching && isPlaceholderData);
  const count = data?.pages.reduce((n, page) => n + page.items.length, 0) ?? 0;
  const more = Boolean(data?.pages.at(-1)?.nextCursor);

  return (
    <div className="space-y-2">
      <SearchStatus
        busy={busy || search.status === "pending"}
        count={search.status === "success" ? count : null}
        more={more}
        one="person"
        many="people"
      />
      <UserList
        query={search}
        label={`People matching “${debouncedQuery}”`}
        stale={busy}
        empty={
          <EmptyState
            icon={<PeopleIcon className="size-6" />}
            title={`No people match “${debouncedQuery}”`}
            description="Check the spelling, or try part of a name or username."
          />
        }
      />
    </div>
  );
}

const SORTS: { id: TPostSearchSort; label: string }[] = [
  { id: "latest", label: "Latest" },
  { id: "top", label: "Top" },
];

/** Newest matches first, or the best first (as Bluesky offers): two radio buttons as pills. */
function SortChoice({
  sort,
  onChange,
}: {
  sort: TPostSearchSort;
  onChange: (sort: TPostSearchSort) => void;
}) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">Order</legend>
      {SORTS.map((s) => (
        <label
          key={s.id}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-full border border-stone-300 px-4 text-sm font-semibold text-stone-700 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-700 has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
        >
          <input
            type="radio"
            name="post-search-sort"
            value={s.id}
            checked={sort === s.id}
            onChange={() => onChange(s.id)}
            className="sr-only"
          />
          {s.label}
        </label>
      ))}
    </fieldset>
  );
}

function PostResults({
  input,
  sort,
  setSort,
}: {
  input: string;
  sort: TPostSearchSort;
  setSort: (sort: TPostSearchSort) => void;
}) {
  const search = usePostSearch(input, sort);
  const { debouncedQuery, isSearchable, isDebouncing, isPlaceholderData, isFetching, data } =
    search;

  if (!isSearchable) {
    return (
      <EmptyState
        icon={<SearchIcon className="size-6" />}
        title="Search posts"
        description="Type words from a post, or a #hashtag to see everything tagged with it."
      />
    );
  }

  const busy = isDebouncing || (isFetching && isPlaceholderData);
  const count = data?.pages.reduce((n, page) => n + page.items.length, 0) ?? 0;
  const more = Boolean(data?.pages.at(-1)?.nextCursor);
  const isTag = debouncedQuery.startsWith("#");

  return (
    <div className="space-y-2">
      {/* A #tag lists its posts newest first: there is nothing to rank. */}
      {!isTag && <SortChoice sort={sort} onChange={setSort} />}
      <SearchStatus
        busy={busy || search.status === "pending"}
        count={search.status === "success" ? count : null}
        more={more}
        one="post"
        many="posts"
      />
      <PostList
        query={search}
        label={`Posts matching “${debouncedQuery}”`}
        stale={busy}
        endMessage="That's every match."
        empty={
          <EmptyState
            icon={<CommentIcon className="size-6" />}
            title={`No posts match “${debouncedQuery}”`}
            description={
              isTag
                ? "Nobody has used this tag yet. Check the spelling, or search for words instead."
                : "Try other words, or fewer of them."
            }
          />
        }
      />
    </div>
  );
}

export function SearchScreen({
  initialQuery,
  initialTab,
  initialSort = "latest",
}: {
  initialQuery: string;
  initialTab?: TabId;
  initialSort?: TPostSearchSort;
}) {
  const [input, setInput] = useState(initialQuery.slice(0, POST_SEARCH_MAX_LENGTH));
  const [tab, setTab] = useState<TabId>(initialTab ?? defaultTabFor(initialQuery));
  const [sort, setSort] = useState<TPostSearchSort>(initialSort);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const debouncedInput = useDebouncedValue(input.trim(), 250);

  // Keep the address in step with what was searched and where, so a search can be shared or
  // reloaded. history.replaceState (which Next.js keeps in sync with its router) rather than
  // router.replace, which would render the page on the server again for every pause in typing.
  useEffect(() => {
    const url = new URL(window.location.href);
    // Always q, tab, sort, whichever changed first, so the same search has the same address.
    url.searchParams.delete("q");
    url.searchParams.delete("tab");
    url.searchParams.delete("sort");
    if (debouncedInput) url.searchParams.set("q", debouncedInput);
    // The tab is left out when the query would pick it anyway.
    if (tab !== defaultTabFor(debouncedInput)) url.searchParams.set("tab", tab);
    // Latest is the default; Top is kept, so a shared search opens in the same order.
    const ranked = tab === "posts" && !debouncedInput.startsWith("#");
    if (ranked && sort === "top") url.searchParams.set("sort", sort);
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [debouncedInput, tab, sort]);

  function onInput(value: string) {
    // Starting a #tag means looking for posts: switch to them as it's typed.
    if (defaultTabFor(value) === "posts" && defaultTabFor(input) !== "posts") setTab("posts");
    setInput(value);
  }

  // Tabs follow the WAI-ARIA pattern: one tab stop, arrow keys move between tabs.
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  }

  return (
    <div className="space-y-4">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-input" className="mb-1.5 block text-sm font-semibold">
          Search
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-stone-500" />
          <input
            id="search-input"
            type="search"
            name="q"
            value={input}
            onChange={(e) => onInput(e.target.value)}
            placeholder={tab === "posts" ? "Words or #hashtag" : "Name or @username"}
            maxLength={POST_SEARCH_MAX_LENGTH}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            // Arriving on the search page means wanting to type.
            autoFocus
            className={`${inputClassName} pl-10`}
          />
        </div>
      </form>

      <div role="tablist" aria-label="Result types" className="flex border-b border-stone-200">
        {TABS.map((t) => {
          const selected = t.id === tab;
          return (
            <button
              key={t.id}
              ref={(node) => {
                tabRefs.current[t.id] = node;
              }}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${t.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={onTabKeyDown}
              className={`-mb-px border-b-2 px-4 py-3 text-sm font-semibold ${
                selected
                  ? "border-brand-600 text-stone-900"
                  : "border-transparent text-stone-600 hover:text-stone-900"
              }`}
            >
              {t.label}
            </button>
          );
        })}
      </div>

      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "people" ? (
          <PeopleResults input={input} />
        ) : (
          <PostResults input={input} sort={sort} setSort={setSort} />
        )}
      </div>
    </div>
  );
}
