import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { getCurrentUser } from "@/lib/users/get-current-user";
import { ProfileSettingsForm } from "./profile-settings-form";

export const metadata: Metadata = { title: "Edit profile" };

export default async function ProfileSettingsPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/settings/profile")}`);
  const user = await getCurrentUser(viewer.userId);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Edit profile</h1>
        <p className="text-stone-600">
          This is what people see on your profile. Sessions, password and your data are in{" "}
          <Link href="/settings/account" className="font-semibold text-brand-700 underline">
            account settings
          </Link>
          .
        </p>
      </div>
      <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <ProfileSettingsForm user={user} />
      </div>
    </div>
  );
}
