import { apiFetch } from "@/client/api-fetch";
import type { TCurrentUser, TRegisterBody } from "@/lib/users/users.types";

/** Creates an account; the sign-up form signs in with it next. */
export function registerAccount(body: TRegisterBody): Promise<TCurrentUser> {
  return apiFetch<TCurrentUser>("/api/auth/register", { method: "POST", body });
}
