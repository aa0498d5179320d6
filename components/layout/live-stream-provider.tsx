"use client";

import { useSession } from "next-auth/react";
import type { ReactNode } from "react";
import { LiveStreamContext, useLiveStreamConnection } from "@/client/hooks/use-live-stream";

/**
 * Opens the tab's one live stream while someone is signed in, and shares it with the bell and
 * the home feed (use-live-stream.ts). Signed out, it holds nothing open.
 */
export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const { data, status } = useSession();
  const viewerId = status === "authenticated" && data?.user.id ? data.user.id : null;
  const value = useLiveStreamConnection(viewerId);
  return <LiveStreamContext.Provider value={value}>{children}</LiveStreamContext.Provider>;
}
