import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TEmailRequest } from "@/lib/mail/request-email";
import { firstLink, startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { useTestDatabase } from "@/tests/support/test-database";

// deliverEmail against a real SMTP server (smtp-server, in this process) and a real database:
// once per dedupe key however often it runs, 4xx and connection errors thrown (so the events
// dispatcher retries), 5xx given up for good.

let sink: SmtpSink;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, sink.env, { AUTH_SECRET: "x".repeat(40) });
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(async () => {
  await cleanup?.();
  await sink?.stop();
});
beforeEach(() => {
  sink.reply = () => 250;
});

let n = 0;
function request() {
  n += 1;
  return {
    to: `reader${n}@example.com`,
    template: "password-reset" as const,
    data: { seed: `seed-${n}` },
    dedupeKey: `test:${n}:${Date.now()}`,
  };
}

async function deliver(req: TEmailRequest) {
  const { deliverEmail } = await import("@/lib/mail/deliver-email");
  return deliverEmail(req);
}

describe("deliverEmail", { timeout: 30_000 }, () => {
  it("sends a text and an HTML part with the app's name, address and link, once per key", async () => {
    const req = request();
    const before = sink.messages.length;
    expect(await deliver(req)).toBe("sent");
    expect(await deliver(req)).toBe("already_sent");
    expect(sink.messages.length).toBe(before + 1);

    const mail = sink.messages.at(-1)!;
    expect(mail.to).toMatchObject({ text: req.to });
    expect(mail.from?.value[0]).toMatchObject({ name: "Grover", address: "no-reply@grover.test" });
    expect(mail.subject).toBe("Reset your Grover password");
    expect(mail.text).toContain("http://localhost:3000");
    expect(mail.html).toContain("Grover");
    const link = new URL(firstLink(mail));
    expect(link.pathname).toBe("/reset-password");
    expect(link.searchParams.get("token")).toMatch(/^[\w-]{43}$/);
    expect(mail.html).toContain(link.searchParams.get("token")!);
    // Account mail: nobody opts out of getting back into their account.
    expect(mail.headers.has("list")).toBe(false);
  });

  it("throws on 421 so the step is retried, and the retry delivers once", async () => {
    const req = request();
    const before = sink.messages.length;
    sink.reply = () => 421;
    await expect(deliver(req)).rejects.toThrow(/421.*retry/);
    sink.reply = () => 250;
    expect(await deliver(req)).toBe("sent");
    expect(await deliver(req)).toBe("already_sent");
    expect(sink.messages.length).toBe(before + 1);
  });

  it("gives up on 550: not retried, nothing delivered", async () => {
    const req = request();
    const before = sink.messages.length;
    sink.reply = () => 550;
    expect(await deliver(req)).toBe("given_up");
    sink.reply = () => 250;
    expect(await deliver(req)).toBe("already_sent");
    expect(sink.messages.length).toBe(before);
  });

  it("sends once when two runs of the same step race", async () => {
    const req = request();
    const before = sink.messages.length;
    const outcomes = await Promise.allSettled([deliver(req), deliver(req)]);
    const sent = outcomes.filter((o) => o.status === "fulfilled" && o.value === "sent");
    expect(sent).toHaveLength(1);
    expect(sink.messages.length).toBe(before + 1);
  });

  it("asks wantsEmail again as it sends: a kind switched off, or an account gone, since it was asked for gets nothing", async () => {
    const { db } = await import("@/lib/db");
    const { setEmailKinds } = await import("@/lib/mail/set-email-kinds");
    n += 1;
    const user = await db.user.create({
      data: { email: `creator${n}@example.com`, username: `creator_${n}`, displayName: "Creator" },
      select: { id: true, email: true },
    });
    const payoutMail = (key: string) => ({
      to: user.email,
      template: "payout-sent" as const,
      data: { userId: user.id, amount: "400", currency: "USD", paypalEmail: user.email },
      dedupeKey: `test:${key}:${n}:${Date.now()}`,
    });
    const before = sink.messages.length;

    await setEmailKinds(user.id, { payouts: false });
    expect(await deliver(payoutMail("off"))).toBe("not_wanted");
    await setEmailKinds(user.id, { payouts: true });
    expect(await deliver(payoutMail("on"))).toBe("sent");
    expect(sink.messages.length).toBe(before + 1);
    const mail = sink.messages.at(-1)!;
    expect(mail.subject).toBe("Your payout of $4.00 was sent");
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );

    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await deliver(payoutMail("gone"))).toBe("not_wanted");
    expect(sink.messages.length).toBe(before + 1);
  });
});
