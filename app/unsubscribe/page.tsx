import type { Metadata } from "next";
import Link from "next/link";
import { FormNotice } from "@/components/account/form-notice";
import { buttonClassName } from "@/components/ui/button";
import { EMAIL_KIND_LABELS } from "@/lib/mail/email-kinds";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Stop these emails" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where a mail's "Stop these emails" link leads. It asks before switching anything off: mail
// scanners open every link in a mail, and opening one must not unsubscribe anybody. Mail
// clients' own unsubscribe buttons POST to /api/mail/unsubscribe instead, in one click.
export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const target = token ? readUnsubscribeToken(token) : null;
  const label = target ? EMAIL_KIND_LABELS[target.kind].toLowerCase() : "";

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Stop these emails</h1>
      <div className="space-y-5 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        {!target ? (
          <FormNotice kind="error">
            {
              "This unsubscribe link is not valid. Open it from the email again, or choose which emails you get in your notification settings."
            }
          </FormNotice>
        ) : params.done === "1" ? (
          <FormNotice kind="status">{`Done: you won’t get emails about ${label} any more.`}</FormNotice>
        ) : (
          <form action={unsubscribeAction} className="space-y-5">
            <p>Stop the emails about {label}? You can switch them back on at any time.</p>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={buttonClassName({ className: "w-full" })}>
              Stop these emails
            </button>
          </form>
        )}
      </div>
      <p className="text-center text-sm text-stone-700">
        <Link
          href="/notifications#email-settings"
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          Choose which emails you get
        </Link>
      </p>
    </div>
  );
}
