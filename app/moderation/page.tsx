import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { ModerationScreen } from "./moderation-screen";

export const metadata: Metadata = { title: "Moderation" };

export default async function ModerationPage() {
  const viewer = await loadViewer();
  // Not found rather than forbidden: the page doesn't tell anyone else that it exists.
  if (!viewer || (viewer.role !== "moderator" && viewer.role !== "admin")) notFound();
  return <ModerationScreen />;
}
