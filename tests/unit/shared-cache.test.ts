// lib/cache/shared-cache.ts in this process's memory, then in a real redis-server (REDIS_URL),
// where every replica would share it, and what a Redis outage does: values are computed and the
// outage logged, never an error.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect, createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { poll } from "@/tests/support/poll";

const REDIS_SERVER = "/usr/bin/redis-server";

/** lib/cache/shared-cache.ts with the environment as it is now (env() is read once a module). */
async function freshCache(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
  return (await import("@/lib/cache/shared-cache")).sharedCache;
}

function counter<T>(value: T) {
  const calls = { count: 0 };
  const compute = async () => {
    calls.count += 1;
    return value;
  };
  return { calls, compute };
}

describe("in memory", () => {
  it("computes a cold key once for a burst of callers, then serves it until it expires", async () => {
    const sharedCache = await freshCache({ SHARED_CACHE_SECONDS: "1", REDIS_URL: undefined });
    const { calls, compute } = counter({ ids: ["a", "b"] });
    const answers = await Promise.all(Array.from({ length: 5 }, () => sharedCache("m1", compute)));
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ ids: ["a", "b"] })));
    expect(calls.count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await sharedCache("m1", compute);
    expect(calls.count).toBe(2);
  });

  it("keeps no failure: the next caller computes again", async () => {
    const sharedCache = await freshCache({ SHARED_CACHE_SECONDS: "60", REDIS_URL: undefined });
    await expect(sharedCache("m2", () => Promise.reject(new Error("down")))).rejects.toThrow();
    expect(await sharedCache("m2", async () => "fine")).toBe("fine");
  });

  it("with 0 seconds, always computes", async () => {
    const sharedCache = await freshCache({ SHARED_CACHE_SECONDS: "0", REDIS_URL: undefined });
    const { calls, compute } = counter(1);
    await sharedCache("m3", compute);
    await sharedCache("m3", compute);
    expect(calls.count).toBe(2);
  });
});

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

describe.runIf(existsSync(REDIS_SERVER))("in Redis", () => {
  let child: ChildProcess;
  let redis: Redis;
  let url: string;

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
    url = `redis://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    redis?.disconnect();
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("stores the value as JSON with its TTL, and serves it to the next caller", async () => {
    const sharedCache = await freshCache({ SHARED_CACHE_SECONDS: "30", REDIS_URL: url });
    const { calls, compute } = counter({ ids: ["x"], nextCursor: null });
    expect(await sharedCache("r1", compute)).toEqual({ ids: ["x"], nextCursor: null });
    await poll(async () => (await redis.get("grover:cache:r1")) !== null, {
      timeoutMs: 5_000,
      what: "the value to reach Redis",
    });
    expect(JSON.parse((await redis.get("grover:cache:r1"))!)).toEqual({
      ids: ["x"],
      nextCursor: null,
    });
    const ttl = await redis.ttl("grover:cache:r1");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
    // What another replica put there is what this one answers.
    await redis.set("grover:cache:r2", JSON.stringify(["from another replica"]), "EX", 30);
    expect(await sharedCache("r2", compute)).toEqual(["from another replica"]);
    expect(calls.count).toBe(1);
  });

  it("computes the value when Redis is gone", async () => {
    const sharedCache = await freshCache({ SHARED_CACHE_SECONDS: "30", REDIS_URL: url });
    await sharedCache("r3", async () => 1);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const { calls, compute } = counter("computed");
    expect(await sharedCache("r4", compute)).toBe("computed");
    expect(calls.count).toBe(1);
  });
});
