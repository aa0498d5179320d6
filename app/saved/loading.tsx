import { PostListSkeleton } from "@/components/posts/post-list";

// While the server loads the first page of saved posts (sign-in is checked before, in layout.tsx).
export default function SavedLoading() {
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Saved</h1>
        <p className="text-stone-600">Posts you saved to come back to. Only you can see this.</p>
      </div>
      <PostListSkeleton />
    </div>
  );
}
