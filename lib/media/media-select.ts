// No `server-only`: the posts page's SQL builds its media JSON from this select
// (selectJsonSql), and scripts/bench.ts runs that SQL through raw `pg`.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns a Media answer is built from, in Prisma and in SQL alike. */
export const MEDIA_SELECT = {
  id: true,
  kind: true,
  mimeType: true,
  fileKey: true,
  thumbnailKey: true,
  posterKey: true,
  width: true,
  height: true,
  size: true,
  duration: true,
  blurDataUrl: true,
  alt: true,
} satisfies Prisma.MediaSelect;

export type MediaRow = Prisma.MediaGetPayload<{ select: typeof MEDIA_SELECT }>;
