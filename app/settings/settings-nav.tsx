"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/account", label: "Account" },
  { href: "/settings/safety", label: "Blocked, muted and muted words" },
  { href: "/settings/appearance", label: "Appearance" },
];

/** The settings pages, one link each; the current one is marked for screen readers too. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {SECTIONS.map(({ href, label }) => {
          const current = pathname === href;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-10 items-center rounded-full px-4 text-sm font-medium ${
                  current
                    ? "bg-stone-900 text-white"
                    : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
