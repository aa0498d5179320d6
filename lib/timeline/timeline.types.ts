/** A post (by its author) or a repost (by the reposter) to copy into timelines. */
export type TTimelineEntryRef = { kind: "post" | "repost"; postId: string; sourceId: string };

/** Where a batch of followers ends, in (Follow.createdAt desc, followerId desc) order. */
export type TFollowerCursor = { t: string; id: string };
