"use client";

import { buttonClassName } from "@/components/ui/button";
import "./globals.css";

/**
 * When the root layout itself fails, nothing of it is left, so this renders its own <html> and
 * <body>. No theme cookie can be read here: with no class on <html>, app/globals.css follows the
 * system's light or dark preference. A plain link home (a full load) rather than next/link,
 * because the router may be what broke.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto flex max-w-md flex-col items-center px-4 py-16 text-center">
          <p className="text-lg font-bold text-brand-700">Grover</p>
          <h1 className="mt-6 text-2xl font-bold">Something went wrong</h1>
          <p className="mt-2 text-stone-600">Grover couldn&rsquo;t load. Try again in a moment.</p>
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <button type="button" onClick={retry} className={buttonClassName()}>
              Try again
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a href="/" className={buttonClassName({ variant: "secondary" })}>
              Go home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
