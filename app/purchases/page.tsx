import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { PurchasesScreen } from "./purchases-screen";

export const metadata: Metadata = { title: "Purchases" };

export default async function PurchasesPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/purchases")}`);
  return <PurchasesScreen />;
}
