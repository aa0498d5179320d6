// React Query keys for notifications, apart from query-keys.ts so the bell, the page and the
// mutations agree on them.
export const notificationKeys = {
  all: ["notifications"] as const,
  list: () => ["notifications", "list"] as const,
  unreadCount: () => ["notifications", "unread-count"] as const,
  settings: () => ["notifications", "settings"] as const,
};
