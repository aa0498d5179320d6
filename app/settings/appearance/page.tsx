import type { Metadata } from "next";
import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE } from "@/client/theme";
import { ThemePicker } from "@/components/settings/theme-picker";
import { saveThemeAction } from "./actions";

export const metadata: Metadata = { title: "Appearance" };

/** Light, dark, or the system's choice; for this browser, signed in or not. */
export default async function AppearanceSettingsPage() {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Appearance</h1>
        <p className="text-stone-600">How Grover looks in this browser.</p>
      </div>
      <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <ThemePicker theme={theme} action={saveThemeAction} />
      </div>
    </div>
  );
}
