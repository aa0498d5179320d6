import { describe, expect, it } from "vitest";
import { firstLink, parsePostText, tokenizePostText } from "@/lib/posts/parse-post-text";

describe("parsePostText", () => {
  it("finds hashtags and mentions once each, lower-cased", () => {
    expect(parsePostText("#Art and #art, @Ada_L met @ada_l #café")).toEqual({
      hashtags: ["art", "café"],
      mentions: ["ada_l"],
    });
  });

  it("ignores what only looks like them", () => {
    expect(parsePostText("C# and a#b, mail me@example.com, #1 fan, @ab, ##x")).toEqual({
      hashtags: [],
      mentions: [],
    });
  });

  it("caps each at 20", () => {
    const text = Array.from({ length: 30 }, (_, i) => `#tag${i} @user_${i}`).join(" ");
    const { hashtags, mentions } = parsePostText(text);
    expect(hashtags).toHaveLength(20);
    expect(mentions).toHaveLength(20);
  });
});

describe("tokenizePostText: links", () => {
  const links = (text: string) =>
    tokenizePostText(text)
      .filter((s) => s.type === "url")
      .map((s) => (s.type === "url" ? [s.text, s.href] : []));

  it("links http(s) addresses and a bare www. one, which gets https", () => {
    expect(links("see https://example.org/a?b=1 and http://x.io, or www.example.org.")).toEqual([
      ["https://example.org/a?b=1", "https://example.org/a?b=1"],
      ["http://x.io", "http://x.io"],
      ["www.example.org", "https://www.example.org"],
    ]);
  });

  it("leaves trailing punctuation and an unmatched bracket out of the link", () => {
    const segments = tokenizePostText(
      "(see www.example.org/path!) and https://en.wikipedia.org/wiki/C_(language).",
    );
    expect(segments).toEqual([
      { type: "text", text: "(see " },
      { type: "url", text: "www.example.org/path", href: "https://www.example.org/path" },
      { type: "text", text: "!) and " },
      {
        type: "url",
        text: "https://en.wikipedia.org/wiki/C_(language)",
        href: "https://en.wikipedia.org/wiki/C_(language)",
      },
      { type: "text", text: "." },
    ]);
  });

  it("links only http(s): never javascript:, data: or a host without a dot", () => {
    expect(
      links(
        "javascript:alert(1) javascript://www.x.org/%0aalert(1) data:text/html,x https://localhost ftp://x.org",
      ),
    ).toEqual([]);
    expect(links("mail me@www.example.org or a/www.example.org")).toEqual([]);
  });

  it("keeps # and @ inside a link part of the link", () => {
    expect(parsePostText("https://example.org/#top and https://example.org/@ada_l #real")).toEqual({
      hashtags: ["real"],
      mentions: [],
    });
  });

  it("firstLink is the first link's href, or null", () => {
    expect(firstLink("no links #here")).toBeNull();
    expect(firstLink("#tag then www.first.org, then https://second.org")).toBe(
      "https://www.first.org",
    );
    expect(firstLink("javascript:alert(1) https://ok.org.")).toBe("https://ok.org");
  });
});
