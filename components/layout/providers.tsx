"use client";

// First: it configures zod for every schema the imports below build.
import "@/client/zod-jitless";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { LiveStreamProvider } from "./live-stream-provider";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>
        <LiveStreamProvider>{children}</LiveStreamProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
