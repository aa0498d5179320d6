// next/image sends images through the optimizer only from the places next.config.ts allows:
// local media files (served by /api/media/files) and UploadThing's file hosts. Anything else (a
// custom UploadThing host, say) is shown as it is rather than broken.

export function isOptimizableMediaUrl(url: string): boolean {
  if (url.startsWith("/api/media/files/") && !url.includes("?")) return true;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === "https:" &&
      parsed.hostname.endsWith(".ufs.sh") &&
      parsed.pathname.startsWith("/f/")
    );
  } catch {
    return false;
  }
}
