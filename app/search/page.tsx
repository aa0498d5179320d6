import type { Metadata } from "next";
import { SearchScreen } from "./search-screen";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const { q } = await searchParams;
  const initialQuery = (Array.isArray(q) ? q[0] : q) ?? "";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Search</h1>
      {/* Keyed by the query so following a link to another search starts it afresh; typing
          updates the address with history.replaceState, which doesn't re-render this page. */}
      <SearchScreen key={initialQuery} initialQuery={initialQuery} />
    </div>
  );
}
