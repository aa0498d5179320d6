import { UserListSkeleton } from "@/components/ui/skeleton";

// While the server loads the first page of notifications (sign-in is checked before, in layout.tsx).
export default function NotificationsLoading() {
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Notifications</h1>
      <UserListSkeleton label="Loading notifications…" />
    </div>
  );
}
