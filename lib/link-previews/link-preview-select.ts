// No `server-only`: the posts page's SQL builds its linkPreview JSON from this select
// (selectJsonSql), and scripts/bench.ts runs that SQL through raw `pg`.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns a post's linkPreview is built from, in Prisma and in SQL alike. */
export const LINK_PREVIEW_SELECT = {
  url: true,
  title: true,
  description: true,
  siteName: true,
  imageKey: true,
} satisfies Prisma.LinkPreviewSelect;

export type LinkPreviewRow = {
  url: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
  imageKey: string | null;
};
