import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Local mode is a PayPal double at PAYPAL_API_URL, run as its own server (dev/paypal-double):
// the app never starts one itself, so without the address it refuses to start.

const saved = { ...process.env };

beforeEach(() => {
  vi.resetModules();
  for (const key of Object.keys(process.env))
    if (key.startsWith("PAYPAL_")) delete process.env[key];
});

afterEach(() => {
  process.env = { ...saved };
});

describe("PAYPAL_MODE=local", () => {
  it("is refused at start without PAYPAL_API_URL", async () => {
    process.env.PAYPAL_MODE = "local";
    const { env } = await import("@/lib/config");
    expect(() => env()).toThrow(/PAYPAL_API_URL: PAYPAL_MODE=local needs the address/);
  });

  it("calls the double at PAYPAL_API_URL with its default credentials", async () => {
    process.env.PAYPAL_MODE = "local";
    process.env.PAYPAL_API_URL = "http://127.0.0.1:4010";
    const { paypalSettings } = await import("@/lib/payments/paypal/paypal-settings");
    expect(paypalSettings()).toMatchObject({
      mode: "local",
      baseUrl: "http://127.0.0.1:4010",
      clientId: "local-client-id",
      clientSecret: "local-client-secret",
      webhookId: "WH-LOCAL-DOUBLE",
    });
  });
});
