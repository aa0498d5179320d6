-- analyze_after_user_columns: written by hand (SQL that prisma/schema.prisma cannot express).
-- Keep semicolons out of comments: Prisma's driver-adapter engine splits scripts at every one.

-- Every list hides suspended and deleted accounts with NOT EXISTS on "User" (lib/safety/
-- visible-author-sql.ts). They are few: this index finds them without reading every account.
CREATE INDEX IF NOT EXISTS "User_hidden_idx" ON "User" ("id")
  WHERE "suspendedAt" IS NOT NULL OR "deletedAt" IS NOT NULL;

-- Until the new columns have statistics, PostgreSQL guesses that most accounts are hidden and
-- plans explore as a scan and sort of every post (6 s at a million posts instead of 3 ms down
-- the hotScore index). Gather them now rather than wait for autovacuum.
ANALYZE "User";
