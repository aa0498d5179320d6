import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { applyLiveEvent } from "@/client/live-events";
import { openLiveStream, type LiveStreamStatus } from "@/client/live-stream";
import { createNewPostsStore, type NewPostsStore } from "@/client/new-posts-store";
import { notificationKeys } from "@/client/query-keys";

export const LIVE_STREAM_URL = "/api/streaming?stream=user,home";

export type LiveStreamValue = {
  /** "open" while events arrive; the bell polls whenever it is anything else. */
  status: LiveStreamStatus;
  newPosts: NewPostsStore;
};

export const LiveStreamContext = createContext<LiveStreamValue>({
  status: "closed",
  newPosts: createNewPostsStore(),
});

function subscribeToVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

const isVisible = () => document.visibilityState === "visible";

/**
 * The tab's one live connection, for the signed-in shell's provider to share: open while the
 * viewer is signed in and the tab is visible. A hidden tab holds no connection (the server
 * caps them per user, and a background tab needs no updates); shown again, it resumes from the
 * last event id it saw, and the server replays what it missed.
 */
export function useLiveStreamConnection(viewerId: string | null): LiveStreamValue {
  const queryClient = useQueryClient();
  const [newPosts] = useState(createNewPostsStore);
  const [status, setStatus] = useState<LiveStreamStatus>("closed");
  const visible = useSyncExternalStore(subscribeToVisibility, isVisible, () => false);
  // Where to resume, and for whom: another account in the same tab starts afresh.
  const resumeFrom = useRef({ viewerId, id: "" });

  useEffect(() => {
    if (resumeFrom.current.viewerId !== viewerId) {
      resumeFrom.current = { viewerId, id: "" };
      newPosts.clear();
    }
    if (!viewerId || !visible) return;
    const stream = openLiveStream({
      url: LIVE_STREAM_URL,
      lastEventId: resumeFrom.current.id,
      onStatus: setStatus,
      // A fresh stream knows nothing of what happened before it opened (since the page's
      // count was fetched): ask once. A resumed one is replayed what it missed.
      onOpen: (resumed) => {
        if (!resumed)
          void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() });
      },
      onEvent: (event) => applyLiveEvent({ queryClient, viewerId, newPosts }, event),
    });
    return () => {
      resumeFrom.current.id = stream.lastEventId();
      stream.close();
      setStatus("closed");
    };
  }, [viewerId, visible, queryClient, newPosts]);

  return { status, newPosts };
}

/** The live connection's state and the new home-feed posts it has announced. */
export function useLiveStream(): LiveStreamValue {
  return useContext(LiveStreamContext);
}

/** The ids of posts that entered the home feed since it was loaded. */
export function useNewPostIds(): readonly string[] {
  const { newPosts } = useLiveStream();
  return useSyncExternalStore(newPosts.subscribe, newPosts.snapshot, newPosts.snapshot);
}
