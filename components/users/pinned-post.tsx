"use client";

import { usePost } from "@/client/hooks/use-post";
import { useProfile } from "@/client/hooks/use-profile";
import { PostCard } from "@/components/posts/post-card";

function Pinned({ postId }: { postId: string }) {
  const post = usePost(postId);
  // A pinned post the viewer may not open (or one just deleted) shows nothing.
  if (!post.data) return null;
  return (
    <div className="space-y-1.5">
      <p className="px-1 text-sm font-semibold text-stone-600">
        <span aria-hidden="true">📌 </span>Pinned
      </p>
      <PostCard post={post.data} headingLevel="h3" />
    </div>
  );
}

/**
 * The profile's pinned post, first on its Posts tab with a "Pinned" label. It follows the
 * cached profile, so pinning or unpinning elsewhere on the page shows here at once.
 */
export function PinnedPost({ username }: { username: string }) {
  const profile = useProfile(username);
  const postId = profile.data?.pinnedPostId;
  return postId ? <Pinned key={postId} postId={postId} /> : null;
}
