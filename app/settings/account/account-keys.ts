// TanStack Query keys for the account settings page.
export const accountKeys = {
  sessions: () => ["account", "sessions"] as const,
  export: () => ["account", "export"] as const,
};
