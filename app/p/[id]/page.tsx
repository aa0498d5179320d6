import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { postKeys } from "@/client/query-keys";
import type { TPost } from "@/lib/posts/posts.types";
import { loadPost } from "./load-post";
import { PostScreen } from "./post-screen";

type Props = { params: Promise<{ id: string }> };

const TITLE_MAX = 60;
const DESCRIPTION_MAX = 160;

function snippet(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * "Ada Lovelace: “Sunrise sketch…”". A post behind a content warning is named by its warning,
 * so the tab title and link previews don't show what readers chose to click through.
 */
function postMetadata(post: TPost): Metadata {
  const name = post.author.displayName;
  if (post.contentWarning) {
    return {
      title: `${name}: content warning: ${snippet(post.contentWarning, TITLE_MAX)}`,
      description: `A post by ${name} (@${post.author.username}) on Grover, behind a content warning.`,
    };
  }
  return {
    title: `${name}: “${snippet(post.text, TITLE_MAX)}”`,
    description: snippet(post.text, DESCRIPTION_MAX),
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const post = await loadPost(decodeURIComponent(id));
  return post ? postMetadata(post) : { title: "Post not found" };
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
