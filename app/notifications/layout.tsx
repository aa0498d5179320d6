import type { ReactNode } from "react";
import { requireViewer } from "@/app/_lib/require-viewer";

// Signed out: sent to sign in from here, outside loading.tsx's boundary (app/_lib/require-viewer.ts).
export default async function Layout({ children }: { children: ReactNode }) {
  await requireViewer("/notifications");
  return children;
}
