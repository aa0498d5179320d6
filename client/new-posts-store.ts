// The ids of posts that entered the home feed since it was loaded, announced by the live stream.
// Kept outside React Query and outside the feed component: the feed's cache must not change
// under the reader, and the count must survive a visit to another page and back.

export type NewPostsStore = {
  add: (id: string) => void;
  remove: (id: string) => void;
  clear: () => void;
  /** The ids, oldest first; the same array until they change (for useSyncExternalStore). */
  snapshot: () => readonly string[];
  subscribe: (listener: () => void) => () => void;
};

// A burst (a followed account reposting a thread) is still "N new posts"; past this many, the
// count no longer matters and memory shouldn't grow in a tab left open for days.
const MAX_IDS = 200;

const EMPTY: readonly string[] = [];

export function createNewPostsStore(): NewPostsStore {
  let ids = EMPTY;
  const listeners = new Set<() => void>();
  const set = (next: readonly string[]) => {
    ids = next.length === 0 ? EMPTY : next;
    for (const listener of listeners) listener();
  };
  return {
    add: (id) => {
      if (!ids.includes(id)) set([...ids, id].slice(-MAX_IDS));
    },
    remove: (id) => {
      if (ids.includes(id)) set(ids.filter((other) => other !== id));
    },
    clear: () => {
      if (ids.length > 0) set(EMPTY);
    },
    snapshot: () => ids,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
