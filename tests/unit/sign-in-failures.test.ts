// The brute-force guard against the in-memory rate-limiter-flexible store (no REDIS_URL), for the
// daily cap an integration test can't reach under the per-minute limit.
import { describe, expect, it } from "vitest";
import {
  assertSignInAllowed,
  recordSignInFailure,
  recordSignInSuccess,
  SIGN_IN_FAILURE_LIMITS,
} from "@/lib/api/rate-limit/sign-in-failures";

const address = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${Math.random()}`;

async function refusal(email: string, ip: string) {
  return assertSignInAllowed(email, ip).then(
    () => undefined,
    (error: { code?: string; headers?: Record<string, string> }) => error,
  );
}

describe("sign-in failures", () => {
  it("refuse an (email, address) pair after 10 in a row, for an hour, and nobody else", async () => {
    const ip = address();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMITS.perEmailAndIp.failures; i++) {
      expect(await refusal("owner@example.com", ip)).toBeUndefined();
      await recordSignInFailure("owner@example.com", ip);
    }
    const refused = await refusal("Owner@Example.com", ip);
    expect(refused?.code).toBe("rate_limited");
    expect(Number(refused?.headers?.["Retry-After"])).toBe(3_600);
    expect(await refusal("owner@example.com", address())).toBeUndefined();
    expect(await refusal("someone-else@example.com", ip)).toBeUndefined();
  });

  it("start again after a success", async () => {
    const ip = address();
    for (let i = 0; i < 9; i++) await recordSignInFailure("owner@example.com", ip);
    await recordSignInSuccess("owner@example.com", ip);
    for (let i = 0; i < 9; i++) await recordSignInFailure("owner@example.com", ip);
    expect(await refusal("owner@example.com", ip)).toBeUndefined();
  });

  it("refuse an address for a day after 100 failures over any emails", async () => {
    const ip = address();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMITS.perIpPerDay.failures; i++) {
      await recordSignInFailure(`user-${i}@example.com`, ip);
    }
    const refused = await refusal("fresh@example.com", ip);
    expect(refused?.code).toBe("rate_limited");
    expect(Number(refused?.headers?.["Retry-After"])).toBe(86_400);
    expect(await refusal("fresh@example.com", address())).toBeUndefined();
  });
});
