import { describe, expect, it } from "vitest";
import { findComposerToken, insertSuggestion } from "@/client/composer-token";

const at = (text: string) => findComposerToken(text.replace("|", ""), text.indexOf("|"));

describe("findComposerToken", () => {
  it("finds the @mention or #tag the caret is in", () => {
    expect(at("hi @ad|")).toEqual({ kind: "mention", query: "ad", start: 3, end: 6 });
    expect(at("@a|da there")).toEqual({ kind: "mention", query: "a", start: 0, end: 4 });
    expect(at("love #caf|é")).toEqual({ kind: "tag", query: "caf", start: 5, end: 10 });
    expect(at("(#Art|)")).toEqual({ kind: "tag", query: "Art", start: 1, end: 5 });
  });

  it("finds nothing outside a token or where the parser wouldn't see one", () => {
    for (const text of [
      "hi @|",
      "hi #|",
      "hi @ada |",
      "mail me@exam|",
      "C#|",
      "a#b|",
      "#1|",
      "https://x.org/#to|",
      "https://x.org/@us|",
      "@ada.|",
      "no token|",
    ]) {
      expect(at(text), text).toBeNull();
    }
  });
});

describe("insertSuggestion", () => {
  it("replaces the whole word with the pick and a space, and puts the caret after it", () => {
    const token = at("hi @a|d there")!;
    expect(insertSuggestion("hi @ad there", token, "ada_l")).toEqual({
      text: "hi @ada_l there",
      caret: 10,
    });
    const end = at("#ar|")!;
    expect(insertSuggestion("#ar", end, "art")).toEqual({ text: "#art ", caret: 5 });
  });
});
