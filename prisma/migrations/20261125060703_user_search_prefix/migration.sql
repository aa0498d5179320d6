-- user_search_prefix: written by hand (SQL that prisma/schema.prisma cannot express).
-- Keep semicolons out of comments: Prisma's driver-adapter engine splits scripts at every one.

-- User search (lib/users/search-users.ts) ranks prefix matches before fuzzy ones and reads them
-- with LIKE 'q%'. The database collation is not C, so a plain b-tree cannot serve LIKE, and the
-- trigram GIN indexes find every account sharing a few letters (all of them, for a prefix most
-- usernames share) and make PostgreSQL score each one. text_pattern_ops b-trees read only the
-- range of names starting with the query.
CREATE INDEX "User_username_prefix_idx" ON "User" ("username" text_pattern_ops);
CREATE INDEX "User_displayName_prefix_idx" ON "User" (lower("displayName") text_pattern_ops);
