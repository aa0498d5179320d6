// The limits shared through Redis (REDIS_URL) against a real redis-server, and what a Redis
// outage does: requests go through, and the outage is logged.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect, createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poll } from "@/tests/support/poll";

const REDIS_SERVER = "/usr/bin/redis-server";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe.runIf(existsSync(REDIS_SERVER))("rate limits in Redis", () => {
  let child: ChildProcess;
  let redis: Redis;
  let limits: typeof import("@/lib/api/rate-limit");
  let failures: typeof import("@/lib/api/rate-limit/sign-in-failures");

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(REDIS_SERVER, ["--port", String(port), "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await poll(
      () =>
        new Promise<boolean>((resolve) => {
          const socket = connect(port, "127.0.0.1");
          socket.once("connect", () => resolve(true)).once("error", () => resolve(false));
          socket.once("close", () => socket.destroy());
          socket.once("connect", () => socket.end());
        }),
      { timeoutMs: 10_000, what: "redis-server to accept connections" },
    );
    redis = new Redis(port, "127.0.0.1");
    // Read at the first env() call, in this file's own module graph.
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    limits = await import("@/lib/api/rate-limit");
    failures = await import("@/lib/api/rate-limit/sign-in-failures");
  });

  afterAll(async () => {
    redis?.disconnect();
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  const refusal = (fn: () => Promise<unknown>) =>
    fn().then(
      () => undefined,
      (error: { code?: string; headers?: Record<string, string> }) => error,
    );

  it("counts sign-in attempts per address and refuses the 21st in a minute", async () => {
    for (let i = 0; i < 20; i++) {
      expect(
        await refusal(() => limits.applyRateLimitPolicy("auth", "192.0.2.1", undefined)),
      ).toBeUndefined();
    }
    const refused = await refusal(() =>
      limits.applyRateLimitPolicy("auth", "192.0.2.1", undefined),
    );
    expect(refused?.code).toBe("rate_limited");
    expect(Number(refused?.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(await redis.exists("grover:rl:auth:ip:192.0.2.1")).toBe(1);
  });

  it("refuses an (email, address) pair after 10 failures, and a success resets it", async () => {
    const check = () =>
      refusal(() => failures.assertSignInAllowed("owner@example.com", "192.0.2.2"));
    for (let i = 0; i < 9; i++)
      await failures.recordSignInFailure("owner@example.com", "192.0.2.2");
    await failures.recordSignInSuccess("owner@example.com", "192.0.2.2");
    for (let i = 0; i < 10; i++) {
      expect(await check()).toBeUndefined();
      await failures.recordSignInFailure("owner@example.com", "192.0.2.2");
    }
    const refused = await check();
    expect(refused?.code).toBe("rate_limited");
    expect(Number(refused?.headers?.["Retry-After"])).toBe(3_600);
    expect(
      await refusal(() => failures.assertSignInAllowed("owner@example.com", "192.0.2.3")),
    ).toBeUndefined();
  });

  it("lets requests through while Redis is down", async () => {
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const started = Date.now();
    for (let i = 0; i < 25; i++) {
      expect(
        await refusal(() => limits.applyRateLimitPolicy("auth", "192.0.2.1", undefined)),
      ).toBeUndefined();
    }
    expect(
      await refusal(() => failures.assertSignInAllowed("owner@example.com", "192.0.2.2")),
    ).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
