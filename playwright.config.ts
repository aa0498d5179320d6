import { defineConfig, devices } from "@playwright/test";

const CI = !!process.env.CI;

// Debian's Chromium: Playwright's own browser download cannot work on these machines. The flags
// keep it from reaching for Google's servers, which this network refuses.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // Under test-results/ but apart from the server logs, because Playwright empties it each run.
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 2 : undefined,
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  // Starts the built app against a fresh database (tests/support/start-test-server.ts) and sets
  // TEST_BASE_URL; set TEST_BASE_URL yourself to test a server that is already running.
  globalSetup: "./tests/support/playwright-global-setup.ts",
  use: {
    baseURL: process.env.TEST_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    // No X-Forwarded-For here: the test server trusts none (no TRUST_PROXY, as deployed without a
    // load balancer), so every browser shares 127.0.0.1's sign-in limit of 20 a minute. Users
    // therefore come from the fixtures (tests/e2e/fixtures.ts), which register and sign in over
    // the API from loopback addresses of their own; only the sign-up and sign-in specs spend it.
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
});
