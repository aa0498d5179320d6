-- Written by hand, and first rather than last because the foreign keys below need it: before
-- this migration avatarId and bannerId pointed at nothing (there was no Media table), so any
-- value set is dangling and would make adding User_avatarId_fkey fail.
UPDATE "User" SET "avatarId" = NULL, "bannerId" = NULL
    WHERE "avatarId" IS NOT NULL OR "bannerId" IS NOT NULL;

-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('image', 'video');

-- CreateTable
CREATE TABLE "Media" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "thumbnailKey" TEXT NOT NULL,
    "posterKey" TEXT,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "duration" DOUBLE PRECISION,
    "blurDataUrl" TEXT NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "postId" TEXT,
    "position" INTEGER,

    CONSTRAINT "Media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Media_ownerId_createdAt_idx" ON "Media"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Media_postId_position_key" ON "Media"("postId", "position");

-- CreateIndex
CREATE INDEX "User_avatarId_idx" ON "User"("avatarId");

-- CreateIndex
CREATE INDEX "User_bannerId_idx" ON "User"("bannerId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_avatarId_fkey" FOREIGN KEY ("avatarId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_bannerId_fkey" FOREIGN KEY ("bannerId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Media" ADD CONSTRAINT "Media_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Media" ADD CONSTRAINT "Media_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: what prisma/schema.prisma cannot express.
-- Keep semicolons out of comments: Prisma's driver-adapter engine splits scripts at every one.
-- ---------------------------------------------------------------------------------------------

-- Media clean-up (lib/media/delete-unattached-media.ts) looks for unattached rows older than a
-- day, oldest first: a partial index holds just those.
CREATE INDEX "Media_unattached_createdAt_idx" ON "Media" ("createdAt") WHERE "postId" IS NULL;

-- Four attachments at most, in positions 0 to 3, and a position only with a post.
ALTER TABLE "Media" ADD CONSTRAINT "Media_position_range"
    CHECK (("postId" IS NULL AND "position" IS NULL)
        OR ("postId" IS NOT NULL AND coalesce("position", -1) BETWEEN 0 AND 3));
ALTER TABLE "Media" ADD CONSTRAINT "Media_dimensions_positive"
    CHECK ("width" > 0 AND "height" > 0 AND "size" >= 0);
