import { describe, expect, it } from "vitest";
import { assertLocalDatabase, isLocalUrl, redact } from "@/dev/assert-local-database";

describe("assertLocalDatabase", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgres://u:p@localhost/db",
    "postgresql://[::1]:5432/db",
    "postgresql:///test?host=/var/run/postgresql",
  ])("accepts %s", (url) => {
    expect(isLocalUrl(url)).toBe(true);
    expect(() => assertLocalDatabase(url)).not.toThrow();
  });

  it.each([
    "postgresql://u:p@db.example.com:5432/prod",
    "postgresql://u:p@10.0.0.5/db",
    "postgresql://u@localhost.example.com/db",
    "postgresql:///db?host=db.example.com",
    "not a url",
  ])("refuses %s", (url) => {
    expect(isLocalUrl(url)).toBe(false);
    expect(() => assertLocalDatabase(url)).toThrow(/non-local database/);
  });

  it("keeps passwords out of the message", () => {
    expect(redact("postgresql://u:secret@db.example.com/prod")).not.toContain("secret");
  });
});
