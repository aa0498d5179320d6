"use server";

import { redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { ZPasswordResetConfirmBodySchema } from "@/lib/auth/auth.types";
import { confirmPasswordReset } from "@/lib/auth/confirm-password-reset";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The reset form's action, with or without scripts (it posts, so the new password never lands in
 * a URL): the same function as POST /api/auth/password-reset/confirm. Success leads to sign-in,
 * since the reset signed the account out everywhere.
 */
export async function confirmPasswordResetAction(form: FormData): Promise<void> {
  const token = text(form, "token");
  const back = (error: string) => `/reset-password?${new URLSearchParams({ token, error })}`;
  const parsed = ZPasswordResetConfirmBodySchema.safeParse({
    token,
    password: text(form, "password"),
  });
  if (!parsed.success) {
    const onPassword = parsed.error.issues.some((issue) => issue.path[0] === "password");
    redirect(onPassword ? back("weak_password") : back("unknown"));
  }
  let failed: string | null = null;
  try {
    await confirmPasswordReset(parsed.data);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "invalid_reset_token") throw error;
    failed = (error.details as { reason: string }).reason;
  }
  redirect(failed ? back(failed) : "/signin?reset=1");
}
