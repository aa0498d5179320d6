// Playwright global setup: one app server for the whole run. Workers are started after this and
// inherit TEST_BASE_URL, which playwright.config.ts reads as `baseURL`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assertLocalServer } from "../../dev/assert-local-database";
import { startSmtpSink } from "./smtp-sink";
import { startTestServer } from "./start-test-server";

export default async function globalSetup() {
  const existing = process.env.TEST_BASE_URL;
  if (existing) {
    assertLocalServer(existing);
    return;
  }

  // Mail goes to a real SMTP server in this process, which writes what it accepts to
  // TEST_MAIL_DIR for the specs (workers inherit it) to read.
  const mailDir = mkdtempSync(path.join(tmpdir(), "grover-e2e-mail-"));
  const smtp = await startSmtpSink({ dir: mailDir });
  process.env.TEST_MAIL_DIR = mailDir;
  // Payments run offline against a local PayPal double (started with the server).
  const server = await startTestServer({
    name: "e2e",
    env: { PAYPAL_MODE: "local", ...smtp.env },
  }).catch(async (error: unknown) => {
    await smtp.stop();
    throw error;
  });
  process.env.TEST_BASE_URL = server.baseURL;
  return async () => {
    await server.stop();
    await smtp.stop();
    rmSync(mailDir, { recursive: true, force: true });
  };
}
