// What the composer offers to complete: the @mention or #hashtag the caret is in. The same
// shapes as lib/posts/parse-post-text.ts, so what is picked is what the server will read as a
// mention or a tag.

export type TComposerToken = {
  kind: "mention" | "tag";
  /** What follows the "@" or "#", as typed. */
  query: string;
  /** Where the "@" or "#" is, and where the word the caret is in ends. */
  start: number;
  end: number;
};

// Up to the caret: "@" or "#" not glued to a word, an address or a link ("me@x.org", "C#",
// "x.org/#top" are none), then the word typed so far. A mention is a username ([a-zA-Z0-9_]);
// a tag starts with a letter.
const MENTION_BEFORE = /(?<![\p{L}\p{N}_@.#&/])@([a-zA-Z0-9_]{1,30})$/u;
const TAG_BEFORE = /(?<![\p{L}\p{N}_@.#&/])#(\p{L}[\p{L}\p{N}_]{0,49})$/u;
const WORD_AFTER = /^[\p{L}\p{N}_]*/u;

/** The mention or tag the caret is in (or at the end of), or null. */
export function findComposerToken(text: string, caret: number): TComposerToken | null {
  const before = text.slice(0, caret);
  const mention = MENTION_BEFORE.exec(before);
  const tag = mention ? null : TAG_BEFORE.exec(before);
  const match = mention ?? tag;
  if (!match) return null;
  const rest = WORD_AFTER.exec(text.slice(caret))?.[0] ?? "";
  return {
    kind: mention ? "mention" : "tag",
    query: match[1]!,
    start: match.index,
    end: caret + rest.length,
  };
}

/**
 * The text with the token replaced by the picked `@username` or `#tag` and a space (one space,
 * not two, when one already follows), and where the caret goes: after that space.
 */
export function insertSuggestion(
  text: string,
  token: TComposerToken,
  value: string,
): { text: string; caret: number } {
  const inserted = `${token.kind === "mention" ? "@" : "#"}${value}`;
  const after = text.slice(token.end);
  const spaced = after.startsWith(" ") ? after : ` ${after}`;
  return {
    text: text.slice(0, token.start) + inserted + spaced,
    caret: token.start + inserted.length + 1,
  };
}
