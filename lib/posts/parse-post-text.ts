// Hashtags: '#' then a letter, then letters, digits or underscores (unicode-aware), not glued
// to a preceding word character (so "C#" or "a#b" are not tags).
const HASHTAG = /(?<![\p{L}\p{N}_#&])#(\p{L}[\p{L}\p{N}_]{0,49})/gu;
// Mentions: '@' and a username, not part of an email address.
const MENTION = /(?<![\p{L}\p{N}_@.])@([a-zA-Z0-9_]{3,30})\b/gu;

const MAX_EACH = 20;

/** Hashtags (lower-cased, without '#') and mentioned usernames in a post, each once. */
export function parsePostText(text: string): { hashtags: string[]; mentions: string[] } {
  const hashtags = new Set<string>();
  const mentions = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    if (hashtags.size < MAX_EACH && match[1]) hashtags.add(match[1].toLowerCase());
  }
  for (const match of text.matchAll(MENTION)) {
    if (mentions.size < MAX_EACH && match[1]) mentions.add(match[1].toLowerCase());
  }
  return { hashtags: [...hashtags], mentions: [...mentions] };
}
