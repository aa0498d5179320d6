import { z } from "zod";

// PostgreSQL's text types cannot hold U+0000: a parameter containing one fails the whole
// statement (SQLSTATE 22021, "invalid byte sequence for encoding UTF8: 0x00"), which used to
// surface as a 500. No stored value can contain it and no lookup can match it, so it is bad
// input wherever it appears. The route wrapper checks every path parameter, query parameter and
// JSON body here, once, instead of each schema refining each string; pages that read an id from
// their URL ask `findNul` before querying.

const MESSAGE = "must not contain a NUL character (U+0000)";

/** The path to the first string or object key in `value` that holds a NUL, or null if none. */
export function findNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Throws a ZodError (so the one mapper answers 400 validation_failed) if `value` holds a NUL. */
export function assertNoNul(value: unknown): void {
  const path = findNul(value);
  if (path) throw new z.ZodError([{ code: "custom", path, message: MESSAGE, input: undefined }]);
}
