import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { postKeys } from "@/client/query-keys";
import { postMetadata } from "@/app/_lib/share-metadata";
import { loadPost } from "./load-post";
import { PostScreen } from "./post-screen";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const post = await loadPost(decodeURIComponent(id));
  return post ? postMetadata(post) : { title: "Post not found", robots: { index: false } };
}

export default async function PostPage({ params }: Props) {
  const { id: raw } = await params;
  const post = await loadPost(decodeURIComponent(raw));
  if (!post) notFound();

  // The page reads the post from React Query, so likes, edits and new comments update it in
  // place; the server's copy means no loading state and no second request.
  const queryClient = new QueryClient();
  queryClient.setQueryData(postKeys.detail(post.id), post);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PostScreen id={post.id} />
    </HydrationBoundary>
  );
}
