// Stands in for `server-only` under Vitest: the real package throws when imported outside a
// React Server Components build, and tests import server modules directly.
export {};
