import { PostListSkeleton } from "@/components/posts/post-list";

// While the server loads the first page of popular posts.
export default function ExploreLoading() {
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Explore</h1>
        <p className="text-stone-600">What people across Grover are posting and liking now.</p>
      </div>
      <PostListSkeleton />
    </div>
  );
}
