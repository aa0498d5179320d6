import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, pageSecurityHeaders } from "@/lib/security/security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe("pageSecurityHeaders", () => {
  it("adds HSTS and upgrade-insecure-requests only over HTTPS", () => {
    const secure = pageSecurityHeaders({ nonce: "abc", https: true, dev: false });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");

    const plain = pageSecurityHeaders({ nonce: "abc", https: false, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allows scripts by nonce only, eval only in development", () => {
    const prod = pageSecurityHeaders({ nonce: "n0nce", https: false, dev: false });
    const scripts = directive(prod["Content-Security-Policy"]!, "script-src")!;
    expect(scripts).toContain("'nonce-n0nce'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const dev = pageSecurityHeaders({ nonce: "n0nce", https: false, dev: true });
    expect(directive(dev["Content-Security-Policy"]!, "script-src")).toContain("'unsafe-eval'");
  });

  it("lets PayPal's SDK and UploadThing's media in, and nothing frame the site", () => {
    const csp = pageSecurityHeaders({
      nonce: "n",
      https: false,
      dev: false,
      mediaOrigins: ["http://127.0.0.1:4444"],
    })["Content-Security-Policy"]!;
    for (const name of ["script-src", "frame-src", "connect-src", "img-src"]) {
      expect(directive(csp, name)).toEqual(
        expect.arrayContaining(["https://www.paypal.com", "https://www.sandbox.paypal.com"]),
      );
    }
    expect(directive(csp, "img-src")).toContain("https://*.paypalobjects.com");
    expect(directive(csp, "media-src")).toEqual(
      expect.arrayContaining(["https://*.ufs.sh", "http://127.0.0.1:4444"]),
    );
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("apiSecurityHeaders", () => {
  it("allow nothing to run or frame a response", () => {
    const headers = apiSecurityHeaders();
    expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
