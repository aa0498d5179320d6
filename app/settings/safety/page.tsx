import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { AccountsSection } from "./accounts-section";
import { MutedWordsSection } from "./muted-words-section";

export const metadata: Metadata = { title: "Blocked and muted" };

function Card({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <div className="space-y-1">
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        <p className="text-sm text-stone-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function SafetySettingsPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/settings/safety")}`);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Blocked and muted</h1>
        <p className="text-stone-600">Who and what you don&rsquo;t want to see.</p>
      </div>
      <Card
        title="Blocked accounts"
        description="You and they don't see each other's posts, comments or profiles, and can't follow, comment on or tip each other."
      >
        <AccountsSection kind="blocks" />
      </Card>
      <Card
        title="Muted accounts"
        description="Their posts stay out of your feed, explore and search. They are not told, and their profile still opens."
      >
        <AccountsSection kind="mutes" />
      </Card>
      <Card
        title="Muted words"
        description="Posts containing these words stay out of your feed. Case doesn't matter."
      >
        <MutedWordsSection />
      </Card>
    </div>
  );
}
