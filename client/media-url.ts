// next/image sends images through the optimizer only from the places next.config.ts allows:
// local media files (served by /api/media/files) and UploadThing's file hosts. Anything else (a
// custom UploadThing host, say) is shown as it is rather than broken. So is a paid post's file,
// whose signed URL carries a query string: the optimizer's cache answers anyone who asks, so a
// buyer's copy must go straight from the files route (`Cache-Control: private`) to the browser.

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
