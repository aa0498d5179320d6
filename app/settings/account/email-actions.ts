"use server";

import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { ZChangeEmailBodySchema } from "@/lib/account/account.types";
import { requestEmailChange } from "@/lib/account/request-email-change";
import { ApiError } from "@/lib/api/errors";
import { resendEmailVerification } from "@/lib/auth/resend-email-verification";

const SETTINGS = "/settings/account";
const back = (outcome: string) => `${SETTINGS}?${new URLSearchParams({ email: outcome })}#email`;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

// What the settings page shows for each refusal is keyed by the error code (email-section.tsx).
async function outcomeOf(run: () => Promise<unknown>, done: string): Promise<string> {
  try {
    await run();
    return done;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

/**
 * The banner's and settings' "send a new link" button, with or without scripts: the same
 * function as POST /api/auth/email-verification; the outcome shows on the settings page.
 */
export async function resendVerificationAction(): Promise<void> {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(SETTINGS)}`);
  redirect(back(await outcomeOf(() => resendEmailVerification(viewer.userId), "sent")));
}

/** Settings' "Change email" form: the same function as POST /api/users/me/email. */
export async function changeEmailAction(form: FormData): Promise<void> {
  const viewer = await loadViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(SETTINGS)}`);
  const secret = text(form, "email-password");
  const parsed = ZChangeEmailBodySchema.safeParse(
    form.get("withPassword") === "1"
      ? { email: text(form, "new-email"), password: secret }
      : { email: text(form, "new-email"), confirm: secret },
  );
  if (!parsed.success) {
    const onEmail = parsed.error.issues.some((issue) => issue.path[0] === "email");
    redirect(back(onEmail ? "invalid_email" : "missing_secret"));
  }
  redirect(
    back(await outcomeOf(() => requestEmailChange(viewer.userId, parsed.data), "change_sent")),
  );
}
