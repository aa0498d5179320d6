import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { hasPassword } from "@/lib/account/has-password";
import { DeleteAccountSection } from "./delete-account-section";
import { ExportSection } from "./export-section";
import { PasswordSection } from "./password-section";
import { SessionsSection } from "./sessions-section";

export const metadata: Metadata = { title: "Account" };

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountSettingsPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/settings/account")}`);
  const withPassword = await hasPassword(viewer.userId);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-stone-600">Where you are signed in, your password, and your data.</p>
      </div>
      <Card title="Where you are signed in">
        <SessionsSection />
      </Card>
      {withPassword ? (
        <Card title="Change password">
          <PasswordSection />
        </Card>
      ) : null}
      <Card title="Download your data">
        <ExportSection />
      </Card>
      <Card title="Delete account">
        <DeleteAccountSection username={viewer.username} withPassword={withPassword} />
      </Card>
    </div>
  );
}
