// The web surface as a browser meets it: where sign-in may send people (no open redirect), and
// the security headers on pages and API responses.
import { describe, expect, inject, it } from "vitest";
import { api, registerAndSignIn, webSignIn } from "@/tests/support/api-client";

// Callbacks that must never lead off this site, as they appear in a link (percent-encoded).
const NASTY_CALLBACKS = [
  "/%09/evil.example/phish",
  "/%0A/evil.example",
  "/%0D/evil.example",
  "/%0D%0ASet-Cookie:%20x=y",
  "//evil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "https://evil.example/phish",
  "javascript:alert(document.cookie)",
];

// Where a browser goes with a Location header: tabs and newlines dropped, "\" read as "/".
function browserTarget(location: string, base: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), base);
}

describe("GET /signin?callbackUrl=", () => {
  it("sends a signed-in visitor only to this site, never answering 500", async () => {
    const base = inject("baseURL");
    const { credentials } = await registerAndSignIn();
    const { cookie } = await webSignIn(credentials.email, credentials.password);
    expect(cookie).toContain("next-auth.session-token=");

    for (const callback of NASTY_CALLBACKS) {
      const res = await api(`/signin?callbackUrl=${callback}`, { headers: { cookie } });
      expect(res.status, callback).toBe(307);
      const location = res.headers.get("location")!;
      expect(location, callback).not.toMatch(/[\t\n\r\\]/);
      expect(browserTarget(location, base).origin, callback).toBe(new URL(base).origin);
      expect(browserTarget(location, base).pathname, callback).toBe("/");
    }

    const own = await api(`/signin?callbackUrl=${encodeURIComponent("/saved?x=1")}`, {
      headers: { cookie },
    });
    expect(own.status).toBe(307);
    expect(browserTarget(own.headers.get("location")!, base).pathname).toBe("/saved");
  });

  it("hands the form only a callback on this site when signed out", async () => {
    for (const callback of NASTY_CALLBACKS) {
      const res = await api(`/signin?callbackUrl=${callback}`);
      expect(res.status, callback).toBe(200);
      expect(res.body, callback).toMatch(/name="callbackUrl" value="\/"/);
    }
  });
});

describe("next-auth's redirect after signing in", () => {
  it("answers a URL on this site whatever callbackUrl was posted", async () => {
    const base = inject("baseURL");
    const { credentials } = await registerAndSignIn();
    for (const callback of NASTY_CALLBACKS.map(decodeURIComponent)) {
      const signedIn = await webSignIn(credentials.email, credentials.password, {
        fields: { callbackUrl: callback },
      });
      const { url } = signedIn.body as { url?: string };
      expect(url, callback).toBeDefined();
      expect(url, callback).not.toMatch(/[\t\n\r\\]/);
      expect(new URL(url!).origin, callback).toBe(new URL(base).origin);
    }
  });
});

describe("security headers", () => {
  const common = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };

  it("a page carries a nonce-based CSP that its own scripts satisfy", async () => {
    const first = await api("/signin");
    const second = await api("/signin");
    for (const [name, value] of Object.entries(common)) {
      expect(first.headers.get(name)).toBe(value);
    }
    expect(first.headers.get("permissions-policy")).toContain("camera=()");
    // The test server's NEXTAUTH_URL is http://: no HSTS on plain HTTP.
    expect(first.headers.get("strict-transport-security")).toBeNull();

    const csp = first.headers.get("content-security-policy")!;
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    const scriptSrc = directives.get("script-src")!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    // A fresh nonce per response.
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);

    // Every script in the page carries this response's nonce.
    const scripts = [...(first.body as string).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("an API response carries a policy that allows nothing", async () => {
    const upload = new FormData();
    upload.append("file", new Blob([new Uint8Array(1024)], { type: "image/png" }), "a.png");
    const responses = [
      await api("/api/health"),
      await api("/api/auth/me"),
      await api("/api/auth/csrf"),
      await api("/api/media/upload", { method: "POST", body: upload }),
    ];
    for (const res of responses) {
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      for (const [name, value] of Object.entries(common)) {
        expect(res.headers.get(name)).toBe(value);
      }
    }
  });

  it("a page that redirects and a 404 carry them too", async () => {
    for (const res of [await api("/saved"), await api("/no/such/page")]) {
      expect([307, 404]).toContain(res.status);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
