import { refreshPostLinkPreview } from "@/lib/link-previews/refresh-post-link-preview";
import { defineEventFunction } from "../define-function";

// post.created: the card for the post's first link, fetched by the server in the background,
// never by a reader's browser. One step: the fetch is bounded (5 s, 1 MB, three redirects), and
// a run that repeats it finds the stored row fresh (refresh-post-link-preview.ts).
export const postCreatedLinkPreview = defineEventFunction(
  "post-created-link-preview",
  "post.created",
  async ({ event, step }) =>
    step.run("fetch-link-preview", () => refreshPostLinkPreview(event.data.postId)),
);
