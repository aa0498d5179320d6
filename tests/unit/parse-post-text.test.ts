import { describe, expect, it } from "vitest";
import { parsePostText } from "@/lib/posts/parse-post-text";

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
