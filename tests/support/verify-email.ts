// Confirms a test user's address the way a person does: the app mails a link to an SMTP sink
// (tests/support/smtp-sink.ts) the test runs, and the link's token goes to the confirm route.
// Payouts need a confirmed address (403 email_not_verified otherwise), so payment tests make
// their creators with `signUpVerified`.
import type { ParsedMail } from "mailparser";
import type { ApiClient, SignedInUser } from "./api-client";
import { poll } from "./poll";
import type { SmtpSink } from "./smtp-sink";

/** Every mail the sink accepted for `email`. */
export const mailsTo = (sink: SmtpSink, email: string): ParsedMail[] =>
  sink.messages.filter((mail) =>
    mail.to && !Array.isArray(mail.to) ? mail.to.value.some((a) => a.address === email) : false,
  );

/** The `/verify-email?token=` link in the newest mail to `email` that has one, once it came. */
export function verifyLinkFor(sink: SmtpSink, email: string, after = 0): Promise<URL> {
  return poll(
    async () => {
      const links = mailsTo(sink, email)
        .slice(after)
        .map((mail) => mail.text?.match(/https?:\/\/\S+\/verify-email\?\S+/)?.[0])
        .filter((link): link is string => Boolean(link));
      return links.length ? new URL(links.at(-1)!) : undefined;
    },
    { timeoutMs: 15_000, what: `a verification link mailed to ${email}` },
  );
}

/** Follows the sign-up mail's link through POST /api/auth/email-verification/confirm. */
export async function verifyEmail(client: ApiClient, sink: SmtpSink, email: string) {
  const link = await verifyLinkFor(sink, email);
  const res = await client.api("/api/auth/email-verification/confirm", {
    method: "POST",
    body: { token: link.searchParams.get("token") },
  });
  if (res.status !== 200) {
    throw new Error(`confirming ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

/** A new user whose address is confirmed (their sign-up mail's link followed). */
export async function signUpVerified(client: ApiClient, sink: SmtpSink): Promise<SignedInUser> {
  const user = await client.registerAndSignIn();
  await verifyEmail(client, sink, user.credentials.email);
  return user;
}
