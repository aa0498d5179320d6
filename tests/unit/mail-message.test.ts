import nodemailer from "nodemailer";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildMessage } from "@/lib/mail/build-message";
import { renderLayout } from "@/lib/mail/templates/layout";

// What a mail looks like once nodemailer has written it: both parts, data escaped in the HTML,
// and List-Unsubscribe exactly when the template gives an unsubscribe address.

async function written(unsubscribeUrl?: string) {
  const rendered = renderLayout({
    subject: "Ada <script> liked your post",
    paragraphs: ['Ada "<b>Lovelace</b>" & friends liked your post.'],
    action: { label: "See it", url: "http://localhost:3000/posts/1?a=1&b=2" },
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  });
  const message = buildMessage(
    { to: "reader@example.com", template: "password-reset", data: {}, dedupeKey: "like:1:2" },
    rendered,
  );
  const info = await nodemailer
    .createTransport({ streamTransport: true, buffer: true })
    .sendMail(message);
  return simpleParser(info.message as Buffer);
}

describe("mail messages", () => {
  it("have a text part and an escaped HTML part with the app's name and address", async () => {
    const mail = await written();
    expect(mail.text).toContain('Ada "<b>Lovelace</b>" & friends liked your post.');
    expect(mail.text).toContain("Grover · http://localhost:3000");
    expect(mail.html).toContain("Ada &quot;&lt;b&gt;Lovelace&lt;/b&gt;&quot; &amp; friends");
    expect(mail.html).not.toContain("<b>Lovelace</b>");
    expect(mail.html).toContain('href="http://localhost:3000/posts/1?a=1&amp;b=2"');
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.messageId).toMatch(/@grover>?$/);
    expect(mail.headers.has("list")).toBe(false);
  });

  it("carry List-Unsubscribe when the template names where to stop them", async () => {
    const url = "http://localhost:3000/settings/notifications";
    const mail = await written(url);
    expect(mail.headers.get("list")).toMatchObject({ unsubscribe: { url } });
    expect(mail.text).toContain(`Stop these emails: ${url}`);
    expect(mail.html).toContain(`href="${url}"`);
  });
});
