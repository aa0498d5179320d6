"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { LiveStreamProvider } from "./live-stream-provider";

// zod probes for eval (`new Function("")`) to compile object parsers; the page's CSP forbids eval
// and the probe shows up as a violation. The interpreted parsers are fast enough for forms.
z.config({ jitless: true });

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
