-- tag_prefix_search: written by hand (SQL that prisma/schema.prisma cannot express).
-- Keep semicolons out of comments: Prisma's driver-adapter engine splits scripts at every one.

-- Hashtag suggestions in the composer (lib/posts/search-tags.ts) read tags with LIKE 'q%' and
-- count each one's posts. The collation is not C, so the (tag, createdAt, postId) b-tree cannot
-- serve LIKE: a text_pattern_ops b-tree on the tag reads only the matching range, and counts
-- from the index alone.
CREATE INDEX "PostTag_tag_prefix_idx" ON "PostTag" ("tag" text_pattern_ops);
