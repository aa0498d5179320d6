// `npm run paypal:double`: the PayPal double as its own server, for offline payments in
// `next dev` (README: Payments). The app is pointed at it by configuration alone
// (PAYPAL_MODE=local, PAYPAL_API_URL), so no production module imports anything under dev/.
import { startPayPalDouble } from "./paypal-double";

const DEFAULT_PORT = 4010;

const port = Number(process.env.PAYPAL_DOUBLE_PORT ?? DEFAULT_PORT);
const double = await startPayPalDouble({ port });
console.log(`PayPal double listening at ${double.url}. Start the app with:
  PAYPAL_MODE=local PAYPAL_API_URL=${double.url} npm run dev`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void double.stop().then(() => process.exit(0)));
}
