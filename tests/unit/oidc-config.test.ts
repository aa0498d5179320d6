import { describe, expect, it } from "vitest";
import { ZCheckedEnvSchema } from "@/lib/config";

// The OpenID Connect provider's four settings are one: a partial set is refused at start, saying
// which, rather than hiding the button or showing one that fails at the provider.
describe("OIDC_* configuration", () => {
  const all = {
    OIDC_ISSUER: "https://sso.example.com/realms/main",
    OIDC_CLIENT_ID: "grover",
    OIDC_CLIENT_SECRET: "s3cret",
    OIDC_NAME: "Example SSO",
  };
  const parse = (env: Record<string, string>) => ZCheckedEnvSchema.safeParse(env);

  it("accepts all four or none", () => {
    expect(parse(all).success).toBe(true);
    expect(parse({}).success).toBe(true);
  });

  it("refuses any of them alone or missing", () => {
    for (const key of Object.keys(all) as (keyof typeof all)[]) {
      const { [key]: _missing, ...rest } = all;
      const result = parse(rest);
      expect(result.success, `without ${key}`).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/set together or not at all/);
    }
    expect(parse({ OIDC_NAME: "Example SSO" }).success).toBe(false);
  });

  it("wants the issuer as a URL and a label that fits a button", () => {
    expect(parse({ ...all, OIDC_ISSUER: "sso.example.com" }).success).toBe(false);
    expect(parse({ ...all, OIDC_NAME: "x".repeat(41) }).success).toBe(false);
  });
});
