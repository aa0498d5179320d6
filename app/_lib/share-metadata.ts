import "server-only";
import type { Metadata } from "next";
import type { TPost } from "@/lib/posts/posts.types";
import type { TPublicUser } from "@/lib/users/users.types";

// What a link to a post or a profile shows when shared elsewhere (Open Graph and Twitter Card
// tags), and in the tab title. Relative URLs become absolute through the layout's metadataBase.

const TITLE_MAX = 60;
const DESCRIPTION_MAX = 160;
const SITE_NAME = "Grover";

function snippet(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function withPreview(
  base: { title: string; description: string; url: string },
  image: { url: string; alt: string } | null,
  type: "article" | "profile",
): Metadata {
  return {
    title: base.title,
    description: base.description,
    alternates: { canonical: base.url },
    openGraph: {
      type,
      siteName: SITE_NAME,
      title: base.title,
      description: base.description,
      url: base.url,
      ...(image ? { images: [image] } : {}),
    },
    twitter: {
      card: image && type === "article" ? "summary_large_image" : "summary",
      title: base.title,
      description: base.description,
      ...(image ? { images: [image] } : {}),
    },
  };
}

/**
 * "Ada Lovelace: “Sunrise sketch…”". A post behind a content warning is named by its warning, so
 * previews don't show what readers chose to click through; a paid post the viewer hasn't bought
 * (every link-preview robot) shows neither its text nor its media, only that it is paid.
 */
export function postMetadata(post: TPost): Metadata {
  const name = post.author.displayName;
  const byline = `${name} (@${post.author.username})`;
  const url = `/p/${post.id}`;
  const avatar = post.author.avatarUrl ? { url: post.author.avatarUrl, alt: name } : null;
  if (post.paid && !post.paid.unlocked) {
    return withPreview(
      { title: `${name}: a paid post`, description: `A paid post by ${byline} on Grover.`, url },
      avatar,
      "article",
    );
  }
  if (post.contentWarning) {
    return withPreview(
      {
        title: `${name}: content warning: ${snippet(post.contentWarning, TITLE_MAX)}`,
        description: `A post by ${byline} on Grover, behind a content warning.`,
        url,
      },
      avatar,
      "article",
    );
  }
  const image = post.media.find((m) => m.kind === "image") ?? null;
  const poster = post.media.find((m) => m.kind === "video" && m.posterUrl) ?? null;
  const text = post.text.trim();
  return withPreview(
    {
      title: text ? `${name}: “${snippet(text, TITLE_MAX)}”` : `A post by ${name}`,
      description: text ? snippet(text, DESCRIPTION_MAX) : `A post by ${byline} on Grover.`,
      url,
    },
    image
      ? { url: image.url, alt: image.alt || `An image posted by ${name}` }
      : poster?.posterUrl
        ? { url: poster.posterUrl, alt: poster.alt || `A video posted by ${name}` }
        : avatar,
    "article",
  );
}

/** A profile: its name, handle and bio, and its photo. */
export function profileMetadata(profile: TPublicUser): Metadata {
  const title = `${profile.displayName} (@${profile.username})`;
  return withPreview(
    {
      title,
      description: profile.bio
        ? snippet(profile.bio, DESCRIPTION_MAX)
        : `${profile.displayName} on Grover.`,
      url: `/u/${profile.username}`,
    },
    profile.avatarUrl ? { url: profile.avatarUrl, alt: profile.displayName } : null,
    "profile",
  );
}
