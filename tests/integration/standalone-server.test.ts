// The Docker image runs `node server.js` from Next's standalone output, and `npm start`
// (scripts/start.sh) runs the same after copying the static files beside it. This starts it
// through `npm start`'s script (PORT and HOSTNAME, as the image sets them) and checks it serves.
// It needs a build with `output: "standalone"`; `npm test` builds before the integration tests.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, randomLoopbackAddress } from "@/tests/support/api-client";
import { TEST_METRICS_TOKEN } from "@/tests/support/metrics-token";
import { ownDatabase, type OwnDatabase } from "@/tests/support/own-database";
import { poll } from "@/tests/support/poll";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STANDALONE = path.join(ROOT, ".next/standalone");
const built = existsSync(path.join(STANDALONE, "server.js"));

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

describe.runIf(built)("the standalone server (.next/standalone/server.js)", () => {
  let child: ChildProcess;
  let database: OwnDatabase;
  let dataDir: string;
  let baseURL = "";
  const client = createApiClient(async () => baseURL);

  beforeAll(async () => {
    database = await ownDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "grover-standalone-"));
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    const log = createWriteStream(path.join(ROOT, "test-results/standalone-server.log"));
    const env: Record<string, string | undefined> = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
    // As an image run without it: the operational endpoints must be closed.
    delete env.METRICS_TOKEN;
    child = spawn("bash", ["scripts/start.sh"], {
      cwd: ROOT,
      env: {
        ...env,
        ...database.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: database.url.toString(),
        DATA_DIR: dataDir,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        NEXTAUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    await poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`server.js exited (${child.exitCode})`);
        return fetch(`${baseURL}/api/health/live`).then(
          (res) => res.status === 200,
          () => false,
        );
      },
      { timeoutMs: 60_000, what: "the standalone server to answer" },
    );
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("serves /api/health/live, is ready (migrations shipped and applied) and serves the API", async () => {
    expect((await client.api("/api/health/live")).status).toBe(200);
    const ready = await poll(
      async () => {
        const res = await client.api("/api/health/ready");
        return res.status === 200 ? res : undefined;
      },
      { timeoutMs: 30_000, what: "/api/health/ready" },
    );
    expect(ready.body).toMatchObject({ status: "ready", pendingMigrations: [] });
    const { token } = await client.registerAndSignIn();
    expect((await client.api("/api/auth/me", { token })).status).toBe(200);
  });

  // server.js serves /_next/static only from its own folder; without the copy every page loads
  // without its scripts and styles.
  it("ships the server, not the project's sources and tests", () => {
    // A file access the build's tracing can't bound makes Next copy the whole project in.
    for (const stray of ["README.md", "scripts", "dev", "tests/e2e", "docker-compose.yml"]) {
      expect(existsSync(path.join(STANDALONE, stray)), stray).toBe(false);
    }
  });

  it("serves the pages' static files", async () => {
    const page = await fetch(`${baseURL}/signin`).then((res) => res.text());
    const assets = [...page.matchAll(/"(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of new Set(assets)) {
      expect((await fetch(`${baseURL}${asset}`)).status, asset).toBe(200);
    }
  });

  // The socket's address reaches the route handlers here too (instrumentation's request hook).
  it("limits each client by its own address, whatever X-Forwarded-For it sends", async () => {
    const attempt = (from: string) =>
      client.api("/api/auth/session", {
        method: "POST",
        // A new email each time: 10 failures for one email from one address are refused anyway.
        body: {
          email: `nobody-${randomBytes(4).toString("hex")}@example.com`,
          password: "Wrong-1",
        },
        from,
        headers: { "x-forwarded-for": randomLoopbackAddress() },
      });
    const noisy = randomLoopbackAddress();
    for (let i = 0; i < 20; i++) expect((await attempt(noisy)).status).toBe(401);
    expect((await attempt(noisy)).status).toBe(429);
    expect((await attempt(randomLoopbackAddress())).status).toBe(401);
  });

  it("keeps /api/metrics and /api/events/status closed while METRICS_TOKEN is unset", async () => {
    const { token } = await client.registerAndSignIn();
    for (const path of ["/api/metrics", "/api/events/status"]) {
      const none = await client.api(path);
      expect(none.status, path).toBe(401);
      expect(none.body, path).toMatchObject({ error: { code: "unauthorized" } });
      expect((await client.api(path, { token })).status, path).toBe(401);
      expect((await client.api(path, { token: TEST_METRICS_TOKEN })).status).toBe(401);
    }
  });
});
