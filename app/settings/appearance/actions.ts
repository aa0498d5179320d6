"use server";

import { cookies } from "next/headers";
import { THEME_COOKIE, ZThemeSchema } from "@/client/theme";

const YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers this browser's theme. A cookie rather than an account setting: it is read before
 * any query (app/layout.tsx), works signed out, and a phone and a laptop may want different ones.
 * The page re-renders after the action, so <html> gets its class from the server.
 */
export async function saveThemeAction(form: FormData): Promise<void> {
  const parsed = ZThemeSchema.safeParse(form.get("theme"));
  if (!parsed.success) return;
  (await cookies()).set(THEME_COOKIE, parsed.data, {
    path: "/",
    maxAge: YEAR_IN_SECONDS,
    sameSite: "lax",
    httpOnly: true,
  });
}
