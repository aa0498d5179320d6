"use server";

import { redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { unsubscribeEmail } from "@/lib/mail/unsubscribe-email";

/** The unsubscribe page's button: the same function as POST /api/mail/unsubscribe. */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const query = new URLSearchParams({ token });
  try {
    await unsubscribeEmail(token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    redirect(`/unsubscribe?${query}`);
  }
  query.set("done", "1");
  redirect(`/unsubscribe?${query}`);
}
