import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { listDevMail } from "@/lib/mail/list-dev-mail";

export const metadata: Metadata = { title: "Mail (development)" };

// Development only, like Rails' letter_opener: the mail written to DATA_DIR/mail when no SMTP
// server is configured. A production build answers 404 (NODE_ENV is fixed at build time).
export default async function DevMailPage() {
  if (process.env.NODE_ENV === "production") notFound();
  await connection();
  const mails = await listDevMail();

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Mail</h1>
      <p className="text-stone-600">
        Everything the app sent while no SMTP server is configured, newest first, from{" "}
        <code>DATA_DIR/mail</code>.
      </p>
      {mails.length === 0 ? (
        <p className="text-stone-600">No mail yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Link href={`/dev/mail/${mail.id}`} className="block px-4 py-3 hover:bg-stone-50">
                <span className="block font-semibold">{mail.subject}</span>
                <span className="block text-sm text-stone-600">
                  To {mail.to} · <time dateTime={mail.date}>{mail.date}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
