import type { Metadata } from "next";
import { SearchScreen, type SearchTabId } from "./search-screen";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
// Values from a "use client" module are client references here, so the ids are spelled out.
const TAB_IDS: readonly SearchTabId[] = ["people", "posts"];
const isTab = (v: string | undefined): v is SearchTabId => TAB_IDS.includes(v as SearchTabId);

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const initialQuery = first(params.q) ?? "";
  const tab = first(params.tab);
  const initialTab = isTab(tab) ? tab : undefined;
  const initialSort = first(params.sort) === "top" ? "top" : "latest";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Search</h1>
      {/* Keyed by the query and tab so following a link to another search (a #tag in a post,
          say) starts it afresh; typing updates the address with history.replaceState, which
          doesn't re-render this page. */}
      <SearchScreen
        key={`${initialTab ?? ""}:${initialSort}:${initialQuery}`}
        initialQuery={initialQuery}
        initialTab={initialTab}
        initialSort={initialSort}
      />
    </div>
  );
}
