// No `server-only`: scripts/rebuild-timelines.ts reads these outside Next.js, where
// lib/config.ts can't be imported. lib/config.ts validates the same variables for the app with
// these defaults.
export const TIMELINE_DEFAULTS = { maxFollowers: 10_000, cap: 800 };

/** TIMELINE_FANOUT_MAX_FOLLOWERS and TIMELINE_MAX_ENTRIES as the scripts read them. */
export function timelineSettings(): { maxFollowers: number; cap: number } {
  const read = (name: string, fallback: number) => {
    const value = process.env[name];
    if (value === undefined || value === "") return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number`);
    return number;
  };
  return {
    maxFollowers: read("TIMELINE_FANOUT_MAX_FOLLOWERS", TIMELINE_DEFAULTS.maxFollowers),
    cap: read("TIMELINE_MAX_ENTRIES", TIMELINE_DEFAULTS.cap),
  };
}
