import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readDevMail } from "@/lib/mail/list-dev-mail";

export const metadata: Metadata = { title: "Mail (development)" };

type Props = { params: Promise<{ id: string }> };

// One mail written in file mode: its text part and its links. Development only (see ../page.tsx).
export default async function DevMailMessagePage({ params }: Props) {
  if (process.env.NODE_ENV === "production") notFound();
  const mail = await readDevMail((await params).id);
  if (!mail) notFound();

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/dev/mail" className="text-sm text-brand-700 hover:underline">
        ← All mail
      </Link>
      <h1 className="text-2xl font-bold">{mail.subject}</h1>
      <p className="text-sm text-stone-600">
        To {mail.to} · <time dateTime={mail.date}>{mail.date}</time> · <code>{mail.id}.eml</code>
      </p>
      {mail.links.length > 0 ? (
        <ul className="space-y-1">
          {mail.links.map((link) => (
            <li key={link}>
              <a href={link} className="break-all text-brand-700 underline">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <pre className="whitespace-pre-wrap rounded-2xl border border-stone-200 bg-white p-4 text-sm">
        {mail.text}
      </pre>
    </div>
  );
}
