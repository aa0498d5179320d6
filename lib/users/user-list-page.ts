import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { loadViewerRelations } from "./load-viewer-relations";
import { toUserSummary } from "./public-user";
import type { UserSummaryRow } from "./user-summary-select";
import type { TUserSummary } from "./users.types";

type UserRow = {
  createdAt: Date;
  user: UserSummaryRow;
};

/**
 * Keyset paging shared by the lists of people kept as (owner, other user, createdAt) rows:
 * followers, following, blocked and muted accounts. Most recent first, by (createdAt, other
 * user's id), which each table's (owner, createdAt desc, other desc) index serves directly.
 */
export function userListKeyset<C extends string>(page: TPageQuery, scope: string, otherColumn: C) {
  return keyset(page.cursor, scope, { columns: ["createdAt", otherColumn] });
}

/** A page of the rows fetched with `take: page.limit + 1`, each with the viewer's relation. */
export async function toUserListPage(
  rows: UserRow[],
  page: TPageQuery,
  scope: string,
  viewerId: string | undefined,
): Promise<Page<TUserSummary>> {
  const relations = await loadViewerRelations(
    viewerId,
    rows.map((r) => r.user.id),
  );
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.user.id }),
    (r) => toUserSummary(r.user, relations.get(r.user.id) ?? null),
  );
}
