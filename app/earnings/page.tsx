import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { getPaymentsConfig } from "@/lib/payments/payments-config";
import { EarningsScreen } from "./earnings-screen";

export const metadata: Metadata = { title: "Earnings" };

export default async function EarningsPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/earnings")}`);
  return <EarningsScreen config={getPaymentsConfig()} />;
}
