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
    // The test server trusts X-Forwarded-For (it stands in for the load balancer): each worker
    // gets its own address, so browser sign-ups in parallel don't share one rate-limit bucket.
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
});
