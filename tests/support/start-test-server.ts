// Starts the built app (`next start`) on a free port against a fresh database, for the
// integration tests (Vitest global setup) and the end-to-end tests (Playwright global setup).
//
// Database: with DATABASE_URL set, a throwaway database `grover_test_<random>` is created on that
// (local) server and dropped afterwards; without it, the app's embedded PGlite runs in the
// server's DATA_DIR. Either way the server gets a fresh temporary DATA_DIR (local media uploads
// live there, and tests look inside it), deleted afterwards.
//
// PAYPAL_MODE=local: the app calls a PayPal double at PAYPAL_API_URL, never one of its own; unless
// the caller runs one (tests/support/paypal-app.ts), one with the default credentials is started
// here and stopped with the server.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPayPalDouble } from "../../dev/paypal-double/paypal-double";
import { assertLocalDatabase } from "../../dev/assert-local-database";
import { TEST_METRICS_TOKEN } from "./metrics-token";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const HEALTH_PATH = "/api/health";
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export type TestServer = {
  baseURL: string;
  /** The server's DATA_DIR (local uploads are under `uploads/`). */
  dataDir: string;
  logFile: string;
  /** The `next start` process (tests/perf/measure-upload-memory.ts samples its memory). */
  pid: number;
  stop: () => Promise<void>;
};

export type StartOptions = {
  /** Names the log file: test-results/<name>-server.log. */
  name: string;
  /** Extra environment for the server, e.g. a local double's address; undefined removes one. */
  env?: Record<string, string | undefined>;
};

export async function startTestServer({ name, env = {} }: StartOptions): Promise<TestServer> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    throw new Error("No production build in .next/: run `npm run build` before these tests.");
  }

  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(e));
  };

  try {
    const dataDir = await mkdtemp(path.join(tmpdir(), "grover-test-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const paypal: Record<string, string> = {};
    if (env.PAYPAL_MODE === "local" && !env.PAYPAL_API_URL) {
      const double = await startPayPalDouble();
      cleanups.push(double.stop);
      paypal.PAYPAL_API_URL = double.url;
    }

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const logDir = path.join(ROOT, "test-results");
    mkdirSync(logDir, { recursive: true });
    const logFile = path.join(logDir, `${name}-server.log`);

    const child = spawn(
      process.execPath,
      [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        cwd: ROOT,
        // Next's types make NODE_ENV required; serverEnv leaves it to `next start`.
        env: serverEnv({
          ...database.env,
          DATA_DIR: dataDir,
          NEXTAUTH_URL: baseURL,
          ...paypal,
          ...env,
        }) as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    // If the test runner dies without running teardown, don't leave the server behind.
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    cleanups.push(async () => {
      process.off("exit", killOnExit);
      await stopProcess(child);
      log.end();
    });

    try {
      await waitForHealth(baseURL, child);
    } catch (error) {
      // Let the stream flush before reading the log back.
      await new Promise((resolve) => setTimeout(resolve, 200));
      console.error(
        `\n--- last lines of ${path.relative(ROOT, logFile)} ---\n${tail(logFile, 60)}\n---`,
      );
      throw error;
    }

    return { baseURL, dataDir, logFile, pid: child.pid!, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

type Database = { env: Record<string, string>; drop: () => Promise<void> };

async function freshDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  // Embedded: PGlite lives in the server's DATA_DIR, removed with it.
  if (!adminUrl) return { env: {}, drop: async () => {} };

  assertLocalDatabase(adminUrl);
  const dbName = `grover_test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () =>
      withClient(adminUrl, async (client) => {
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
          [dbName],
        );
        await client.query(`DROP DATABASE IF EXISTS "${dbName}"`);
      }),
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's environment: the caller's, minus what would change how the app behaves. */
function serverEnv(
  overrides: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  // NODE_ENV: Vitest sets "test"; `next start` sets "production" itself.
  // RATE_LIMIT_DISABLED: rate limits stay on, tests check the 429s. TRUST_PROXY: see below.
  // DATABASE_URL, DATA_DIR: the database is the throwaway one chosen above.
  for (const key of [
    "NODE_ENV",
    "RATE_LIMIT_DISABLED",
    "TRUST_PROXY",
    "DATABASE_URL",
    "DATA_DIR",
  ]) {
    delete env[key];
  }
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  return {
    ...env,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    AUTH_TRUST_HOST: "true",
    // No TRUST_PROXY: as deployed without a load balancer, rate limits follow each socket's
    // address. The API client sends each call from its own loopback address (127.0.0.0/8) so
    // parallel tests don't share a bucket; rate-limit tests pin one. Tests of the proxy case
    // start their own server with TRUST_PROXY.
    NEXT_TELEMETRY_DISABLED: "1",
    // Query budgets (query-budget.test.ts) read each response's SQL statement count.
    EXPOSE_QUERY_COUNT: "true",
    // Every test sees its own writes at once; explore-cache.test.ts starts a server with a TTL.
    SHARED_CACHE_SECONDS: "0",
    // The first account ever becomes admin, but in a shared test database that is whichever test
    // registered first; tests that need an admin register one of these emails instead.
    ADMIN_EMAILS:
      "admin-moderation@example.com,admin-layout@example.com,admin-navigation@example.com,admin-a11y@example.com",
    // /api/metrics and /api/events/status are closed in production without it.
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...overrides,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited while starting (${child.exitCode ?? child.signalCode}).`);
    }
    try {
      const res = await fetch(baseURL + HEALTH_PATH, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${HEALTH_PATH} did not answer 200 in ${START_TIMEOUT_MS} ms (${last}).`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
