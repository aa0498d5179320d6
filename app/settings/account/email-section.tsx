import { FormNotice } from "@/components/account/form-notice";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import type { EmailStatus } from "@/lib/users/get-email-status";
import { changeEmailAction, resendVerificationAction } from "./email-actions";

// The outcome of the last form post (email-actions.ts redirects back with `?email=`): a success,
// or the error code of the refusal.
const OUTCOMES: Record<string, { ok: boolean; text: string }> = {
  sent: { ok: true, text: "A new link is on its way. It works for 24 hours." },
  change_sent: {
    ok: true,
    text: "Check your new address: your email changes when you open the link we sent there. We told your current address too.",
  },
  already_verified: { ok: true, text: "Your email address is already confirmed." },
  rate_limited: { ok: false, text: "That's a lot of mail in a short time. Try again in an hour." },
  mail_unavailable: {
    ok: false,
    text: "This server can't send email right now, so it can't send the link. Ask its administrator.",
  },
  invalid_email: { ok: false, text: "Enter a valid email address." },
  missing_secret: { ok: false, text: "Enter your password (or username) to confirm." },
  forbidden: { ok: false, text: "That didn't match: check your password and try again." },
  conflict: { ok: false, text: "Another account already uses that email address." },
  unprocessable: { ok: false, text: "That is already your email address." },
};

/**
 * The account's address: whether it is confirmed (with a button to send a new link) and a form
 * to change it. Server-rendered forms posting to server actions, so both work without scripts.
 */
export function EmailSection({
  status,
  withPassword,
  username,
  outcome,
}: {
  status: EmailStatus;
  withPassword: boolean;
  username: string;
  outcome: string | undefined;
}) {
  const notice = outcome ? OUTCOMES[outcome] : undefined;
  return (
    <div className="space-y-5">
      {notice ? <FormNotice kind={notice.ok ? "status" : "error"}>{notice.text}</FormNotice> : null}
      <div className="space-y-2">
        <p className="text-stone-700">
          <strong className="break-all">{status.email}</strong>{" "}
          {status.verified ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
              Confirmed
            </span>
          ) : (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
              Not confirmed
            </span>
          )}
        </p>
        {status.verified ? null : (
          <form action={resendVerificationAction} className="space-y-2">
            <p className="text-sm text-stone-600">
              Open the link we mailed you to confirm it. Until then you can&apos;t withdraw
              earnings.
            </p>
            <button type="submit" className={buttonClassName({ variant: "secondary", size: "sm" })}>
              Send a new link
            </button>
          </form>
        )}
        {status.pendingEmail ? (
          <p className="text-sm text-stone-600">
            Waiting for you to open the link sent to{" "}
            <strong className="break-all">{status.pendingEmail}</strong>.
          </p>
        ) : null}
      </div>
      <form action={changeEmailAction} className="space-y-4 border-t border-stone-200 pt-5">
        <h3 className="font-semibold">Change email</h3>
        <input type="hidden" name="withPassword" value={withPassword ? "1" : "0"} />
        <FormField
          label="New email address"
          name="new-email"
          hint="We send a link there; the address changes when you open it."
        >
          {(control) => <input {...control} type="email" autoComplete="email" required />}
        </FormField>
        <FormField
          label={withPassword ? "Your password" : `Type your username (${username}) to confirm`}
          name="email-password"
        >
          {(control) => (
            <input
              {...control}
              type={withPassword ? "password" : "text"}
              autoComplete={withPassword ? "current-password" : "off"}
              required
            />
          )}
        </FormField>
        <button type="submit" className={buttonClassName()}>
          Change email
        </button>
      </form>
    </div>
  );
}
