import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { ReturnScreen } from "./return-screen";

export const metadata: Metadata = { title: "Payment" };

type Props = { searchParams: Promise<{ token?: string; cancelled?: string; payment?: string }> };

/** Where PayPal sends the buyer back: ?token=<order id>, and cancelled=1 when they cancelled. */
export default async function CheckoutReturnPage({ searchParams }: Props) {
  const { token, cancelled } = await searchParams;
  const viewer = await loadViewer();
  if (!viewer) redirect("/signin");
  return <ReturnScreen orderId={token ?? ""} cancelled={cancelled === "1"} />;
}
