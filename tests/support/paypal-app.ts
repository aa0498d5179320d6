// The app configured for PayPal sandbox with credentials, its REST base URL pointed at a local
// PayPal double (dev/paypal-double) that the test runs and controls: the production code
// path through PayPal's SDKs, offline. Its own server, since PayPal is chosen at start. Mail goes
// to an SMTP sink, so `signUpVerified` can confirm a creator's address by its link (payouts
// need it).
import { startPayPalDouble, type PayPalDouble } from "@/dev/paypal-double/paypal-double";
import { createApiClient, type ApiClient, type SignedInUser } from "./api-client";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { startTestServer, type TestServer } from "./start-test-server";
import { signUpVerified } from "./verify-email";

export type PayPalApp = {
  double: PayPalDouble;
  server: TestServer;
  client: ApiClient;
  sink: SmtpSink;
  /** A new user with a confirmed address, who may withdraw. */
  signUpVerified: () => Promise<SignedInUser>;
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
  const sink = await startSmtpSink();
  try {
    const server = await startTestServer({
      name,
      env: {
        PAYPAL_MODE: "sandbox",
        PAYPAL_CLIENT_ID: "test-client",
        PAYPAL_CLIENT_SECRET: "test-secret",
        PAYPAL_WEBHOOK_ID: "WH-TEST",
        PAYPAL_API_URL: double.url,
        ...sink.env,
        ...env,
      },
    });
    const stop = async () => {
      await server.stop();
      await double.stop();
      await sink.stop();
    };
    const client = createApiClient(server.baseURL);
    return {
      double,
      server,
      client,
      sink,
      signUpVerified: () => signUpVerified(client, sink),
      stop,
    };
  } catch (error) {
    await double.stop();
    await sink.stop();
    throw error;
  }
}
