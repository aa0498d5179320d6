-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pinnedPostId" TEXT;

-- CreateIndex
CREATE INDEX "User_pinnedPostId_idx" ON "User"("pinnedPostId");

-- CreateIndex
CREATE INDEX "User_followersCount_id_idx" ON "User"("followersCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Comment_authorId_createdAt_id_idx" ON "Comment"("authorId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PostTag_createdAt_idx" ON "PostTag"("createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_pinnedPostId_fkey" FOREIGN KEY ("pinnedPostId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;
