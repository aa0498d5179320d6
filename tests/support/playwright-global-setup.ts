// Playwright global setup: one app server for the whole run. Workers are started after this and
// inherit TEST_BASE_URL, which playwright.config.ts reads as `baseURL`.
import { assertLocalServer } from "../../dev/assert-local-database";
import { startTestServer } from "./start-test-server";

export default async function globalSetup() {
  const existing = process.env.TEST_BASE_URL;
  if (existing) {
    assertLocalServer(existing);
    return;
  }

  // Payments run offline against a local PayPal double (started with the server).
  const server = await startTestServer({ name: "e2e", env: { PAYPAL_MODE: "local" } });
  process.env.TEST_BASE_URL = server.baseURL;
  return server.stop;
}
