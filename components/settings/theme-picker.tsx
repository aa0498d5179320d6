"use client";

import { startTransition, useState } from "react";
import { themeClassName, type TTheme } from "@/client/theme";
import { buttonClassName } from "@/components/ui/button";

const OPTIONS: { value: TTheme; label: string; hint: string }[] = [
  { value: "system", label: "System", hint: "Follow this device's light or dark setting." },
  { value: "light", label: "Light", hint: "Dark text on a light background." },
  { value: "dark", label: "Dark", hint: "Light text on a dark background." },
];

/**
 * Picking a theme applies it at once (the class on <html>) and saves it with the server
 * action, which sets the cookie the next page load reads. Without scripts the Save button
 * submits the same action as the form's. With scripts the action is called directly, not by
 * submitting the form: React resets a form after its action, which put the radios back to the
 * theme the page was loaded with.
 */
export function ThemePicker({
  theme,
  action,
}: {
  theme: TTheme;
  action: (form: FormData) => Promise<void>;
}) {
  const [selected, setSelected] = useState(theme);

  function choose(next: TTheme) {
    setSelected(next);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    const className = themeClassName(next);
    if (className) root.classList.add(className);
    const form = new FormData();
    form.set("theme", next);
    startTransition(() => action(form));
  }

  return (
    <form action={action}>
      <fieldset>
        <legend className="text-base font-semibold text-stone-900">Theme</legend>
        <div className="mt-3 space-y-2">
          {OPTIONS.map((option) => (
            <label
              key={option.value}
              className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={selected === option.value}
                onChange={() => choose(option.value)}
                // The whole row is the label (a big target); the name is the option alone.
                aria-label={option.label}
                aria-describedby={`theme-${option.value}-hint`}
                className="mt-1 size-4 accent-brand-600"
              />
              <span>
                <span className="block font-medium text-stone-900">{option.label}</span>
                <span id={`theme-${option.value}-hint`} className="block text-sm text-stone-600">
                  {option.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <noscript>
        <button type="submit" className={buttonClassName({ className: "mt-4" })}>
          Save
        </button>
      </noscript>
    </form>
  );
}
