import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// A paid post's preview is decided twice: in JS for what a locked post shows (previewOf) and in
// SQL for what search may match (previewSql). The two must cut at the same character.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

const samples = [
  "",
  "ab",
  "short one",
  "x".repeat(500),
  "nospaceatallbutquitelongindeedsothatthecutmustfallinsideaword".repeat(3),
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
  "emoji 😀😀😀 around here 🎉 and more words after the party 🎉🎉 so the cut lands near them",
  "😀".repeat(30) + " " + "😀".repeat(30),
  "trailing spaces before the cut          and then the rest of the sentence goes on and on",
  "Grüße aus Köln: ein Beitrag über Straßenbahnen, Brücken und Füße, lang genug für einen Schnitt",
  "a b ".repeat(200),
  `${"word ".repeat(40)}${"z".repeat(300)}`,
  "line one\nline two\nline three with some more words to pass the minimum length here",
];

describe("previewOf and previewSql", { timeout: 60_000 }, () => {
  it("cut every text at the same place", async () => {
    const { previewOf, previewSql } = await import("@/lib/payments/paid-post");
    const { Prisma, queryRows } = await import("@/lib/db");
    for (const text of samples) {
      const [row] = await queryRows<{ preview: string }>(
        Prisma.sql`SELECT ${previewSql(Prisma.sql`${text}::text`)} AS preview`,
      );
      const expected = previewOf(text);
      const fromSql = row!.preview === "" ? "" : `${row!.preview.trimEnd()}…`;
      expect(fromSql, JSON.stringify(text)).toBe(expected);
    }
  });

  it("never splits a character in two", async () => {
    const { previewOf } = await import("@/lib/payments/paid-post");
    const preview = previewOf(`${"😀".repeat(10)}${"x".repeat(20)}`);
    expect(preview).toBe(`${"😀".repeat(10)}…`);
  });
});
