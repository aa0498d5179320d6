import { PostListSkeleton } from "@/components/posts/post-list";

// While the server loads the first page of the feed. In the (home) route group so that only the
// home page sits behind it: a loading.tsx directly in app/ would wrap every page, and turn the
// sign-in redirects of other pages into streamed 200s.
export default function HomeLoading() {
  return <PostListSkeleton />;
}
