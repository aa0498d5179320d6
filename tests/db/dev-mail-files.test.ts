import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// Without SMTP_URL outside production, mail is written to DATA_DIR/mail as nodemailer's own .eml
// and listed for /dev/mail.

let cleanup: () => Promise<void>;
let dataDir: string;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  process.env.AUTH_SECRET = "y".repeat(40);
  cleanup = await useTestDatabase();
  // After useTestDatabase, which may point DATA_DIR at its own embedded database's directory.
  dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "grover-mail-"));
  process.env.DATA_DIR = dataDir;
}, 60_000);
afterAll(async () => {
  await cleanup?.();
  rmSync(path.join(dataDir, "mail"), { recursive: true, force: true });
});

describe("mail in files", { timeout: 30_000 }, () => {
  it("writes a multipart .eml and lists it with its subject, recipient and link", async () => {
    const { deliverEmail } = await import("@/lib/mail/deliver-email");
    const { listDevMail, readDevMail } = await import("@/lib/mail/list-dev-mail");
    const outcome = await deliverEmail({
      to: "ada@example.com",
      template: "password-reset",
      data: { seed: "file-seed" },
      dedupeKey: `file:${Date.now()}`,
    });
    expect(outcome).toBe("sent");

    const files = readdirSync(path.join(dataDir, "mail")).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(dataDir, "mail", files[0]!), "utf8");
    expect(eml).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(eml).toMatch(/^Content-Type: text\/plain/m);
    expect(eml).toMatch(/^Content-Type: text\/html/m);

    const [listed] = await listDevMail();
    expect(listed).toMatchObject({ subject: "Reset your Grover password", to: "ada@example.com" });
    const one = await readDevMail(listed!.id);
    expect(one?.links[0]).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);
    expect(await readDevMail("../../etc/passwd")).toBeNull();
  });
});
