import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { getPaymentsConfig } from "@/lib/payments/payments-config";
import { getEmailStatus } from "@/lib/users/get-email-status";
import { EarningsScreen } from "./earnings-screen";

export const metadata: Metadata = { title: "Earnings" };

export default async function EarningsPage() {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/earnings")}`);
  const email = await getEmailStatus(viewer.userId);
  return <EarningsScreen config={getPaymentsConfig()} emailVerified={email?.verified ?? false} />;
}
