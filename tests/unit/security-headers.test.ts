import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/security/security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe("securityHeaders", () => {
  it("adds HSTS and upgrade-insecure-requests only over HTTPS", () => {
    const secure = securityHeaders({ kind: "page", nonce: "abc", https: true, dev: false });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");

    const plain = securityHeaders({ kind: "page", nonce: "abc", https: false, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(securityHeaders({ kind: "api", https: true, dev: false })).toHaveProperty(
      "Strict-Transport-Security",
    );
  });

  it("allows scripts by nonce only, eval only in development", () => {
    const prod = securityHeaders({ kind: "page", nonce: "n0nce", https: false, dev: false });
    const scripts = directive(prod["Content-Security-Policy"]!, "script-src")!;
    expect(scripts).toContain("'nonce-n0nce'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const dev = securityHeaders({ kind: "page", nonce: "n0nce", https: false, dev: true });
    expect(directive(dev["Content-Security-Policy"]!, "script-src")).toContain("'unsafe-eval'");
  });

  it("lets PayPal's SDK and UploadThing's media in, and nothing frame the site", () => {
    const csp = securityHeaders({
      kind: "page",
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
