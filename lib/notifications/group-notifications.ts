// Grouping for the notifications list, decided when a page is read (nothing is stored grouped):
// consecutive likes of the same post, and consecutive follows, in the newest-first order become
// one item ("Ada and 2 others liked your post"). Anything between them, or a page boundary,
// ends a group, so the same post can show up again further down with the likes that came before.

export type NotificationRow = {
  id: string;
  kind: string;
  actorId: string | null;
  postId: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export type NotificationGroup<Row extends NotificationRow> = { key: string | null; rows: Row[] };

/** Which group a notification can join; null: it stands alone. */
export function groupKey(row: NotificationRow): string | null {
  if (row.kind === "like" && row.postId) return `like:${row.postId}`;
  if (row.kind === "follow") return "follow";
  return null;
}

/**
 * Groups `rows` (newest first) into at most `limit` items. `consumed` is how many rows the items
 * hold: the rows from there on belong to the next page, which starts after the last consumed
 * row. A group still growing when the rows run out is cut there and goes on on the next page.
 */
export function groupNotifications<Row extends NotificationRow>(
  rows: Row[],
  limit: number,
): { groups: NotificationGroup<Row>[]; consumed: number } {
  const groups: NotificationGroup<Row>[] = [];
  let consumed = 0;
  for (const row of rows) {
    const key = groupKey(row);
    const last = groups.at(-1);
    if (last && key !== null && last.key === key) {
      last.rows.push(row);
    } else {
      if (groups.length === limit) break;
      groups.push({ key, rows: [row] });
    }
    consumed += 1;
  }
  return { groups, consumed };
}

/** The different actors of a group, newest first. */
export function distinctActors(rows: NotificationRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) if (row.actorId) seen.add(row.actorId);
  return [...seen];
}
