import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url";

const ORIGIN = "http://grover.test:3000";

// What a browser would make of the answer used as a Location on a page of this origin.
const followed = (path: string) => new URL(path, `${ORIGIN}/signin`);

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/notifications", "/notifications"],
    ["/checkout?post=abc&x=1#top", "/checkout?post=abc&x=1#top"],
    ["/search?q=two words", "/search?q=two%20words"],
    [`${ORIGIN}/saved`, "/saved"],
    [`${ORIGIN}/u/ana?tab=media`, "/u/ana?tab=media"],
  ])("keeps %j on this site as %j", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    // Tabs and newlines (the %09 of /signin?callbackUrl=/%09/evil.example/phish, decoded), which
    // browsers strip, leaving //evil.example; %0A and %0D made the Location header a 500.
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\nSet-Cookie: a=b",
    "/\u0000/evil.example",
    // Protocol-relative and backslash forms of another host.
    "//evil.example",
    "//evil.example/phish",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    " //evil.example",
    // Other origins and schemes.
    "https://evil.example",
    "https://evil.example/signin",
    "http://grover.test:3001/",
    "https://grover.test:3000/",
    "http://grover.test.evil.example:3000/",
    "http://user@evil.example/",
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@b.example",
  ])("sends %j home", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it.each([
    `${ORIGIN}//evil.example/x`,
    "/.//evil.example/x",
    "/a/..//evil.example",
    // A scheme-relative URL of the same special scheme is a relative path: /evil.example here.
    "http:evil.example",
  ])("keeps %j on this host even when its path starts with two slashes", (raw) => {
    const path = safeCallbackPath(raw, ORIGIN);
    expect(path.startsWith("//")).toBe(false);
    expect(followed(path).origin).toBe(ORIGIN);
  });

  it.each([undefined, null, ""])("sends %j home", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("never answers a path a browser would take off-site, or one with control characters", () => {
    const nasty = ["/%09/evil", "/%0A/evil", "/%0D/evil", "/%5Cevil", "/%2F/evil"];
    for (const raw of nasty.map(decodeURIComponent).concat(nasty)) {
      const path = safeCallbackPath(raw, ORIGIN);
      expect(path).toMatch(/^\/(?!\/)/);
      expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(followed(path).origin).toBe(ORIGIN);
    }
  });
});
