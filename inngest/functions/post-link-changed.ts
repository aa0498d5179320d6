import { refreshPostLinkPreview } from "@/lib/link-previews/refresh-post-link-preview";
import { defineEventFunction } from "../define-function";

// post.link.changed: an edit changed the post's first link, so its card is fetched again (or
// dropped, when the edit removed the link), as post-created-link-preview.ts does for new posts.
export const postLinkChanged = defineEventFunction(
  "post-link-changed-preview",
  "post.link.changed",
  async ({ event, step }) =>
    step.run("fetch-link-preview", () => refreshPostLinkPreview(event.data.postId)),
);
