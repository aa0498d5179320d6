import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

/** Resolves a user reference (id or username, as the API paths accept both) to an id, or 404. */
export async function findUserId(ref: string): Promise<string> {
  const user = await db.user.findFirst({
    where: { OR: [{ id: ref }, { username: ref.toLowerCase() }] },
    select: { id: true },
  });
  if (!user) throw new ApiError("not_found", "No such user.");
  return user.id;
}
