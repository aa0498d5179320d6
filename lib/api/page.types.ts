// A cursor-paginated list, as every list endpoint answers. No "server-only": the browser's hooks
// type the pages they fetch with it.
import { z } from "zod";

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;
