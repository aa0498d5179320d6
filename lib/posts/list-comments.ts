import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { USER_SUMMARY_SELECT, toUserSummary } from "@/lib/users/public-user";
import type { TComment } from "./posts.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

// Comments strictly after the cursor in (createdAt asc, id asc) order.
function after(position: Position | undefined) {
  if (!position) return {};
  const t = new Date(position.t);
  return { OR: [{ createdAt: { gt: t } }, { createdAt: t, id: { gt: position.id } }] };
}

/**
 * A post's comments, oldest first (a conversation reads in order), by keyset on (createdAt, id),
 * which the Comment index serves directly. Public; signed in, each comment says whether the
 * viewer may delete it (its author, or the post's author). Three queries plus two for the
 * viewer's relations, however long the page. A post by an account blocked either way (or
 * suspended) is unknown (404); comments by accounts hidden from the viewer, muted ones included,
 * are left out in the same statement.
 */
export async function listComments(
  postId: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TComment>> {
  const post = await db.post.findFirst({
    where: { id: postId, author: visibleAuthorWhere(viewerId, { includeMuted: true }) },
    select: { authorId: true },
  });
  if (!post) throw new ApiError("not_found", "No such post.");
  const scope = `comments:${postId}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await db.comment.findMany({
    where: { postId, ...after(position), author: visibleAuthorWhere(viewerId) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      text: true,
      createdAt: true,
      authorId: true,
      author: { select: USER_SUMMARY_SELECT },
    },
  });
  const relations = await loadViewerRelations(viewerId, [...new Set(rows.map((r) => r.authorId))]);
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
    (r) => ({
      id: r.id,
      postId,
      author: toUserSummary(r.author, relations.get(r.authorId) ?? null),
      text: r.text,
      createdAt: r.createdAt.toISOString(),
      viewer: viewerId
        ? { canDelete: r.authorId === viewerId || post.authorId === viewerId }
        : null,
    }),
  );
}
