import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { PUBLIC_USER_SELECT, toPublicUser } from "./public-user";
import type { TCurrentUser } from "./users.types";

/** The signed-in user's own profile, with the private fields only they may see. */
export async function getCurrentUser(userId: string): Promise<TCurrentUser> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { ...PUBLIC_USER_SELECT, email: true, emailVerified: true, role: true },
  });
  if (!row) throw new ApiError("unauthorized", "This account no longer exists.");
  const self = { isSelf: true, following: false, followsYou: false };
  return {
    ...toPublicUser(row, self),
    email: row.email,
    emailVerified: row.emailVerified !== null,
    role: row.role,
  };
}
