import { z } from "zod";

/**
 * The colour theme a browser asked for, kept in a cookie so the server renders the right class
 * on <html> (app/layout.tsx) and the first paint is already right. "system" (and no cookie)
 * means no class, and app/globals.css follows prefers-color-scheme.
 */
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export const ZThemeSchema = z.enum(THEMES);
export type TTheme = z.infer<typeof ZThemeSchema>;

/** The cookie's value, or "system" when it is missing or not one we know. */
export function parseTheme(value: string | undefined): TTheme {
  const parsed = ZThemeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

/** The class on <html> for a theme: "system" leaves the choice to the browser's media query. */
export function themeClassName(theme: TTheme): string | undefined {
  return theme === "system" ? undefined : theme;
}
