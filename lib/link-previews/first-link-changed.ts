import { firstLink } from "@/lib/posts/parse-post-text";
import { normalizeLinkUrl } from "./normalize-link-url";

/** Whether an edit from `before` to `after` changes which page the post's card is for. */
export function firstLinkChanged(before: string, after: string): boolean {
  const key = (text: string) => {
    const link = firstLink(text);
    return link ? normalizeLinkUrl(link) : null;
  };
  return key(before) !== key(after);
}
