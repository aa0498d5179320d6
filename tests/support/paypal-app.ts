// The app configured for PayPal sandbox with credentials, its REST base URL pointed at a local
// PayPal double (dev/paypal-double) that the test runs and controls: the production code
// path through PayPal's SDKs, offline. Its own server, since PayPal is chosen at start.
import { startPayPalDouble, type PayPalDouble } from "@/dev/paypal-double/paypal-double";
import { createApiClient, type ApiClient } from "./api-client";
import { startTestServer, type TestServer } from "./start-test-server";

export type PayPalApp = {
  double: PayPalDouble;
  server: TestServer;
  client: ApiClient;
  stop: () => Promise<void>;
};

/** Starts the double and a server using it; `env` adds to (or overrides) the server's. */
export async function startPayPalApp(
  name: string,
  env: Record<string, string> = {},
): Promise<PayPalApp> {
  const double = await startPayPalDouble({
    clientId: "test-client",
    clientSecret: "test-secret",
    webhookId: "WH-TEST",
    holdMs: 3_000,
  });
  try {
    const server = await startTestServer({
      name,
      env: {
        PAYPAL_MODE: "sandbox",
        PAYPAL_CLIENT_ID: "test-client",
        PAYPAL_CLIENT_SECRET: "test-secret",
        PAYPAL_WEBHOOK_ID: "WH-TEST",
        PAYPAL_API_URL: double.url,
        ...env,
      },
    });
    const stop = async () => {
      await server.stop();
      await double.stop();
    };
    return { double, server, client: createApiClient(server.baseURL), stop };
  } catch (error) {
    await double.stop();
    throw error;
  }
}
