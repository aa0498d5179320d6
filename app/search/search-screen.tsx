"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { EmptyState } from "@/components/empty-state";
import { useUserSearch, SEARCH_MAX_LENGTH } from "@/components/hooks/use-user-search";
import { PeopleIcon, SearchIcon } from "@/components/icons";
import { inputClassName } from "@/components/form-field";
import { Spinner } from "@/components/spinner";
import { UserList } from "@/components/user-list";

// One entry per kind of result. Posts join this list when post search exists; each tab renders
// its own panel from the same query text.
const TABS = [{ id: "people", label: "People" }] as const;
type TabId = (typeof TABS)[number]["id"];

function PeopleResults({ input }: { input: string }) {
  const search = useUserSearch(input);
  const { debouncedQuery, isSearchable, isDebouncing, isPlaceholderData, isFetching, data } =
    search;

  // Keep the address in step with what was searched, so a search can be shared or reloaded.
  // history.replaceState (which Next.js keeps in sync with its router) rather than
  // router.replace, which would render the page on the server again for every pause in typing.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (debouncedQuery) url.searchParams.set("q", debouncedQuery);
    else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [debouncedQuery]);

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
  const more = data?.pages.at(-1)?.nextCursor ? "+" : "";

  return (
    <div className="space-y-2">
      <p role="status" className="flex min-h-5 items-center gap-2 text-sm text-stone-600">
        {busy || search.status === "pending" ? (
          <>
            <Spinner /> Searching…
          </>
        ) : search.status === "success" && count > 0 ? (
          `${count}${more} ${count === 1 && !more ? "person" : "people"} found`
        ) : null}
      </p>
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

export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const [input, setInput] = useState(initialQuery.slice(0, SEARCH_MAX_LENGTH));
  const [tab, setTab] = useState<TabId>("people");
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

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
            onChange={(e) => setInput(e.target.value)}
            placeholder="Name or @username"
            maxLength={SEARCH_MAX_LENGTH}
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
        {tab === "people" ? <PeopleResults input={input} /> : null}
      </div>
    </div>
  );
}
