import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE, themeClassName } from "@/client/theme";
import { EmailVerificationBanner } from "@/app/_components/email-verification-banner";
import { BottomTabBar } from "@/components/layout/bottom-tab-bar";
import { Providers } from "@/components/layout/providers";
import { SiteHeader } from "@/components/layout/site-header";
import { siteUrl } from "@/app/_lib/site-url";
import "./globals.css";

// metadataBase makes pages' relative Open Graph images and URLs absolute, as previews need.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { default: "Grover", template: "%s · Grover" },
    description: "Grover: a social app for creators and their audience.",
    metadataBase: await siteUrl(),
    openGraph: { siteName: "Grover" },
  };
}

// viewport-fit=cover lets the tab bar reach a notched phone's bottom edge, and gives
// env(safe-area-inset-bottom) its value to pad it by.
export const viewport: Viewport = { width: "device-width", initialScale: 1, viewportFit: "cover" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not.
  await connection();
  // The theme is on <html> in the first byte of HTML, so no page flashes the wrong one.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClassName(theme)}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <EmailVerificationBanner />
          {/* Below md the tab bar (3.5rem, plus the safe area) is fixed over the bottom of the
              page: the padding keeps the end of every page above it. */}
          <main
            id="main"
            className="mx-auto w-full max-w-2xl px-4 pt-6 pb-[calc(5rem+env(safe-area-inset-bottom))] md:pb-6"
          >
            {children}
          </main>
          <BottomTabBar />
        </Providers>
      </body>
    </html>
  );
}
