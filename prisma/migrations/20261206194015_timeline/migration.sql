-- CreateTable
CREATE TABLE "TimelineEntry" (
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "postId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "repost" BOOLEAN NOT NULL,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("userId","createdAt","postId","sourceId")
);

-- CreateTable
CREATE TABLE "TimelineState" (
    "userId" TEXT NOT NULL,
    "floorAt" TIMESTAMP(3),
    "floorPostId" TEXT,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineState_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TimelineGap" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "followerId" TEXT,
    "postId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineGap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TimelineEntry_postId_idx" ON "TimelineEntry"("postId");

-- CreateIndex
CREATE INDEX "TimelineGap_followerId_idx" ON "TimelineGap"("followerId");

-- CreateIndex
CREATE INDEX "TimelineGap_postId_idx" ON "TimelineGap"("postId");

-- CreateIndex
CREATE INDEX "TimelineGap_sourceId_kind_idx" ON "TimelineGap"("sourceId", "kind");

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineState" ADD CONSTRAINT "TimelineState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: what the schema cannot express. The function bodies spell their semicolons
-- \x3B: Prisma's pg adapter (which applies migrations for the WebAssembly schema engine) splits
-- a script at every semicolon, dollar quotes or not.
--
-- A post, repost or follow reaches the timelines through the events worker, some time after it
-- commits. Until then the feed must read it on the fly, so each one records a gap in its own
-- transaction, whatever code inserted it, and the worker deletes the gap when it is done
-- (lib/timeline). Triggers rather than a call in each writer: no writer can forget one, and a
-- bulk load in replica mode (scripts/seed.ts) skips them and ends with a rebuild instead.
CREATE FUNCTION "timeline_gap_for_post"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TimelineGap" ("kind", "sourceId", "postId") VALUES (''post'', NEW."authorId", NEW."id")\x3B RETURN NULL\x3B END';
CREATE TRIGGER "Post_timeline_gap" AFTER INSERT ON "Post"
  FOR EACH ROW EXECUTE FUNCTION "timeline_gap_for_post"();

CREATE FUNCTION "timeline_gap_for_repost"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TimelineGap" ("kind", "sourceId", "postId") VALUES (''repost'', NEW."userId", NEW."postId")\x3B RETURN NULL\x3B END';
CREATE TRIGGER "Repost_timeline_gap" AFTER INSERT ON "Repost"
  FOR EACH ROW EXECUTE FUNCTION "timeline_gap_for_repost"();

CREATE FUNCTION "timeline_gap_for_follow"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TimelineGap" ("kind", "sourceId", "followerId") VALUES (''follow'', NEW."followingId", NEW."followerId")\x3B RETURN NULL\x3B END';
CREATE TRIGGER "Follow_timeline_gap" AFTER INSERT ON "Follow"
  FOR EACH ROW EXECUTE FUNCTION "timeline_gap_for_follow"();

-- An unfollow (or the follows a block ends) takes that account's entries out of the timeline at
-- once: the feed checks the follow when it reads anyway, this keeps the cap for live entries.
CREATE FUNCTION "timeline_unfollow"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM "TimelineEntry" WHERE "userId" = OLD."followerId" AND "sourceId" = OLD."followingId"\x3B RETURN NULL\x3B END';
CREATE TRIGGER "Follow_timeline_unfollow" AFTER DELETE ON "Follow"
  FOR EACH ROW EXECUTE FUNCTION "timeline_unfollow"();

-- A new account's timeline is complete from the start (empty, and what it follows later arrives
-- by backfill, behind a gap): it is built the moment the account exists. Accounts from before
-- this migration have none until `npm run timelines:rebuild`, and read on the fly meanwhile.
CREATE FUNCTION "timeline_state_for_user"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TimelineState" ("userId") VALUES (NEW."id")\x3B RETURN NULL\x3B END';
CREATE TRIGGER "User_timeline_state" AFTER INSERT ON "User"
  FOR EACH ROW EXECUTE FUNCTION "timeline_state_for_user"();
