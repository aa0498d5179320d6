/**
 * The security headers of every response. Pages get a Content-Security-Policy built around a
 * per-request nonce (proxy.ts; Next.js finds it in the request's CSP header and puts it on its
 * own scripts); API responses are JSON that nothing should run or frame, so their policy allows
 * nothing at all (next.config.ts).
 *
 * No imports: next.config.ts loads this file, and the proxy runs on every page request.
 */

// PayPal's JavaScript SDK (sandbox and live, through @paypal/react-paypal-js) loads its script
// from www.paypal.com or www.sandbox.paypal.com, renders the buttons in frames on *.paypal.com,
// calls *.paypal.com, and draws logos from *.paypalobjects.com: PayPal's published CSP list.
const PAYPAL = [
  "https://www.paypal.com",
  "https://www.sandbox.paypal.com",
  "https://*.paypal.com",
  "https://*.paypalobjects.com",
];

// UploadThing serves media from <app>.ufs.sh; images usually come through /_next/image, but a
// video plays straight from there.
const UPLOADTHING = ["https://*.ufs.sh"];

export type PageHeaderOptions = {
  /** A fresh, unguessable value per request. */
  nonce: string;
  /** The site is served over HTTPS (NEXTAUTH_URL is https): HSTS and upgrading requests. */
  https: boolean;
  /** `next dev` needs eval for React's debugging aids; never in production. */
  dev: boolean;
  /** More media hosts, e.g. a local UploadThing double's (UPLOADTHING_UFS_HOST). */
  mediaOrigins?: string[];
};

function pagePolicy({ nonce, https, dev, mediaOrigins = [] }: PageHeaderOptions): string {
  const media = [...UPLOADTHING, ...mediaOrigins];
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks, PayPal's SDK) may run;
    // browsers that understand it ignore the host list, older ones fall back to it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${PAYPAL.join(" ")}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: React's style attributes (next/image sets some) can't carry a
    // nonce, and a nonce in this list would switch 'unsafe-inline' off. Styles can't run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${[...media, ...PAYPAL].join(" ")}`,
    `media-src 'self' blob: ${media.join(" ")}`,
    "font-src 'self'",
    `connect-src 'self' ${PAYPAL.join(" ")}`,
    `frame-src ${PAYPAL.join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on plain http://localhost it would send every request to https://.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

// On every response, page or API.
const COMMON: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Nothing here uses these; PayPal's frames ask for payment.
  "Permissions-Policy":
    'camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=(), payment=(self "https://www.paypal.com" "https://www.sandbox.paypal.com")',
  // Older browsers that ignore frame-ancestors.
  "X-Frame-Options": "DENY",
};

/** A page's headers, set by proxy.ts per request. */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": pagePolicy(options),
    ...COMMON,
  };
  // HSTS holds for the whole host, whichever response brings it: the pages' is enough.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/**
 * An API response's headers: the same for every request, so next.config.ts sets them
 * (`headers()`), not the proxy, which would buffer every request body in memory (10 MB at most,
 * cutting uploads short).
 */
export function apiSecurityHeaders(): Record<string, string> {
  return { "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", ...COMMON };
}
