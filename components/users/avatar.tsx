// The uploaded avatar when there is one, else initials on a colour picked from the username.
import Image from "next/image";
import { isOptimizableMediaUrl } from "@/client/media-url";

// Tailwind -700 shades: white text on each passes WCAG AA (at least 4.5:1).
const COLOURS = [
  "bg-red-700",
  "bg-orange-700",
  "bg-amber-700",
  "bg-lime-700",
  "bg-green-700",
  "bg-teal-700",
  "bg-cyan-700",
  "bg-sky-700",
  "bg-blue-700",
  "bg-indigo-700",
  "bg-violet-700",
  "bg-fuchsia-700",
  "bg-pink-700",
  "bg-rose-700",
] as const;

/** Rendered width in CSS pixels, for next/image to pick 1x and 2x files of the thumbnail. */
const PIXELS = { sm: 32, md: 44, lg: 64, xl: 112 } as const;

const SIZES = {
  sm: "size-8 text-xs",
  md: "size-11 text-sm",
  lg: "size-16 text-xl",
  xl: "size-24 text-3xl sm:size-28",
} as const;

/** FNV-1a: a stable small hash, so a user keeps their colour on every page and every load. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function initialsOf(displayName: string, username: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from splits by code point, so an emoji or accented capital stays whole.
  const letters = [first, last].map((w) => (w ? (Array.from(w)[0] ?? "") : "")).join("");
  return (letters || Array.from(username)[0] || "?").toUpperCase();
}

export type AvatarProps = {
  username: string;
  displayName: string;
  avatarUrl?: string | null;
  size?: keyof typeof SIZES;
  className?: string;
};

/**
 * Decorative: every place that shows an avatar also shows the name beside it, so screen
 * readers skip it rather than read the name twice.
 */
export function Avatar({
  username,
  displayName,
  avatarUrl,
  size = "md",
  className = "",
}: AvatarProps) {
  const base = `inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full ${SIZES[size]} ${className}`;
  if (avatarUrl) {
    return (
      <Image
        src={avatarUrl}
        alt=""
        width={PIXELS[size]}
        height={PIXELS[size]}
        unoptimized={!isOptimizableMediaUrl(avatarUrl)}
        className={`${base} bg-stone-200 object-cover`}
      />
    );
  }
  const colour = COLOURS[hashString(username.toLowerCase()) % COLOURS.length];
  return (
    <span
      aria-hidden="true"
      className={`${base} ${colour} select-none font-semibold tracking-wide text-white`}
    >
      {initialsOf(displayName, username)}
    </span>
  );
}
