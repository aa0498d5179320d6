import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/config";
import { db } from "@/lib/db";

type Check = { status: "ok" | "down"; latencyMs: number; error?: string };

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await probe();
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: "down",
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message.split("\n")[0] : "unreachable",
    };
  }
}

async function pingRedis(url: string) {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** Every dependency's state. The database is required; the others degrade the service. */
export async function checkHealth() {
  const { REDIS_URL, DATABASE_URL } = env();
  const checks: Record<string, Check> = {
    database: await timed(() => db.$queryRaw`SELECT 1`),
  };
  if (REDIS_URL) checks.redis = await timed(() => pingRedis(REDIS_URL));
  const down = Object.entries(checks)
    .filter(([, c]) => c.status === "down")
    .map(([name]) => name);
  return {
    status: down.includes("database")
      ? ("down" as const)
      : down.length
        ? ("degraded" as const)
        : ("ok" as const),
    database: DATABASE_URL && !process.env.GROVER_EMBEDDED_DATABASE ? "postgresql" : "embedded",
    checks,
  };
}
