"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { ApiClientError } from "@/client/api-fetch";
import { usePost } from "@/client/hooks/use-post";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentList } from "@/components/comments/comment-list";
import { PostCard } from "@/components/posts/post-card";
import { PostListSkeleton } from "@/components/posts/post-list";
import { ErrorState } from "@/components/ui/error-state";
import PostNotFound from "./not-found";

/** The post, live from the query cache, and its comments with a form to add one. */
export function PostScreen({ id }: { id: string }) {
  const { data: post, error, refetch, isRefetching } = usePost(id);
  const router = useRouter();
  const pathname = usePathname();

  if (!post) {
    // Deleted while open (in another tab, say), or a refetch failed.
    if (error instanceof ApiClientError && error.status === 404) return <PostNotFound />;
    if (error) {
      return (
        <ErrorState
          headingLevel="h1"
          title="Couldn't load this post"
          onRetry={() => void refetch()}
          retrying={isRefetching}
        />
      );
    }
    return <PostListSkeleton rows={1} />;
  }

  const comments = post.counts.comments;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold break-words">{post.author.displayName}&rsquo;s post</h1>
      <PostCard
        post={post}
        headingLevel="h2"
        size="large"
        standalone
        onDeleted={() => router.replace("/")}
      />
      <section
        id="comments"
        aria-labelledby="comments-heading"
        className="scroll-mt-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments{" "}
          {comments > 0 ? (
            <span className="font-normal text-stone-600 tabular-nums">{comments}</span>
          ) : null}
        </h2>
        <CommentList postId={post.id} canReply={Boolean(post.viewer)} />
        <div className="mt-4 border-t border-stone-200 pt-4">
          {post.viewer ? (
            <CommentForm postId={post.id} />
          ) : (
            <p className="text-sm text-stone-700">
              <Link
                href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                Sign in to comment
              </Link>{" "}
              or{" "}
              <Link
                href="/signup"
                className="font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                create an account
              </Link>
              .
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
