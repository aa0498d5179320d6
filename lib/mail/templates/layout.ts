import "server-only";
import { APP_NAME, publicUrl } from "../public-url";

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /**
   * Notification mail only: where a reader turns this kind of mail off. Sent as List-Unsubscribe
   * (RFC 2369) so mail clients show their own "unsubscribe" button. Account mail (a reset link)
   * has none: nobody may opt out of the mail that gets them back into their account.
   */
  unsubscribeUrl?: string;
};

type Layout = {
  subject: string;
  /** Plain sentences; escaped for the HTML part. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** After the action, e.g. why the reader got this mail. */
  footnote?: string;
  unsubscribeUrl?: string;
};

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for an HTML body or attribute: data in a template (a display name) is never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The one frame every mail shares: the app's name and address, the body, one button, and for
 * notification mail the unsubscribe link, as a text part and an HTML part saying the same.
 */
export function renderLayout(layout: Layout): RenderedEmail {
  const site = publicUrl();
  const { subject, paragraphs, action, footnote, unsubscribeUrl } = layout;

  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    ...(footnote ? [footnote] : []),
    `-- \n${APP_NAME} · ${site}`,
    ...(unsubscribeUrl ? [`Stop these emails: ${unsubscribeUrl}`] : []),
  ].join("\n\n");

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,sans-serif;color:#1c1917">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<p style="margin:0 0 24px;font-weight:700;font-size:18px">${escapeHtml(APP_NAME)}</p>
${paragraphs.map(p).join("\n")}
${
  action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57534e">${escapeHtml(`Or open this link: ${action.url}`)}</p>`
    : ""
}
${footnote ? p(footnote) : ""}
<p style="margin:24px 0 0;font-size:13px;color:#57534e"><a href="${escapeHtml(site)}" style="color:#57534e">${escapeHtml(APP_NAME)}</a>${
    unsubscribeUrl
      ? ` · <a href="${escapeHtml(unsubscribeUrl)}" style="color:#57534e">Stop these emails</a>`
      : ""
  }</p>
</div>
</body></html>
`;
  return { subject, text, html, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) };
}
