import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertNoNul, findNul } from "@/lib/api/assert-no-nul";
import { isInvalidTextError } from "@/lib/database/is-invalid-text-error";

describe("findNul / assertNoNul", () => {
  it("finds a NUL in any string or key, however deep, and names where", () => {
    expect(findNul({ text: "fine", tags: ["a", "b"] })).toBeNull();
    expect(findNul("a\u0000")).toEqual([]);
    expect(findNul({ media: [{ alt: "ok" }, { alt: "x\u0000" }] })).toEqual(["media", 1, "alt"]);
    expect(findNul({ "k\u0000": 1 })).toEqual(["k\u0000"]);
    expect(findNul(42)).toBeNull();
  });

  it("throws a ZodError, which the one mapper answers with 400", () => {
    expect(() => assertNoNul({ bio: "b\u0000" })).toThrow(z.ZodError);
    expect(() => assertNoNul({ bio: "fine" })).not.toThrow();
  });
});

describe("isInvalidTextError", () => {
  it("recognises 22021 and 22P05 from pg and through Prisma's pg adapter", () => {
    expect(isInvalidTextError({ code: "22021", message: "invalid byte sequence" })).toBe(true);
    const viaPrisma = {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "22P05", kind: "postgres" } } },
    };
    expect(isInvalidTextError(viaPrisma)).toBe(true);
    expect(isInvalidTextError({ code: "23505" })).toBe(false);
    expect(isInvalidTextError(new Error("boom"))).toBe(false);
  });
});
