import "server-only";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";

/**
 * The signed-in viewer, or a redirect to sign-in that comes back to `path`. Call it from a
 * segment's layout when the segment has a loading.tsx: a layout renders outside the loading
 * boundary, so the redirect is still a real 307, where a page's would stream as a 200 behind the
 * skeleton. The page calls it again for the viewer (loadViewer is cached per request).
 */
export async function requireViewer(path: string) {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return viewer;
}
