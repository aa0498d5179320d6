"use server";

import { redirect } from "next/navigation";
import { requestOrigin } from "@/app/_lib/request-origin";
import { signInWithPassword } from "@/app/_lib/sign-in-with-password";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The sign-in form's action when scripts haven't run (JavaScript off, or submitted before
 * hydration): a POST, so the password never lands in a URL or a log. With scripts the form
 * signs in through next-auth's client and this isn't called.
 */
export async function signInAction(form: FormData): Promise<void> {
  const callbackUrl = safeCallbackPath(text(form, "callbackUrl"), await requestOrigin());
  const result = await signInWithPassword(text(form, "email").trim(), text(form, "password"));
  if (!result.ok) {
    redirect(`/signin?${new URLSearchParams({ error: result.error, callbackUrl })}`);
  }
  redirect(callbackUrl);
}
