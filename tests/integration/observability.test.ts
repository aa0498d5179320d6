// One extra server, configured as production would be: a metrics token, traces exported to a
// local OTLP receiver, and its database reached through a TCP proxy the tests can cut.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "@/tests/support/api-client";
import { ownDatabase, type OwnDatabase } from "@/tests/support/own-database";
import { startOtlpReceiver } from "@/tests/support/otlp-receiver";
import { poll } from "@/tests/support/poll";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

const METRICS_TOKEN = randomBytes(24).toString("hex");

let server: TestServer;
let proxy: TcpProxy;
let target: OwnDatabase;
let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
const client = createApiClient(async () => server.baseURL);

beforeAll(async () => {
  target = await ownDatabase();
  proxy = await startTcpProxy({ host: target.url.hostname, port: Number(target.url.port) });
  otlp = await startOtlpReceiver();
  const viaProxy = new URL(target.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  server = await startTestServer({
    name: "observability",
    env: {
      ...target.env,
      DATABASE_URL: viaProxy.toString(),
      METRICS_TOKEN,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "200",
      OTEL_SERVICE_NAME: "grover-test",
      // The local PayPal double, so /api/health checks PayPal (over fetch, which is traced).
      PAYPAL_MODE: "local",
    },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await otlp?.stop();
  await target?.drop();
});

describe("GET /api/metrics with METRICS_TOKEN set", () => {
  it("answers 401 without the token or with a wrong one, 200 with it", async () => {
    const url = `${server.baseURL}/api/metrics`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("http_requests_total");
  });
});

describe("GET /api/events/status with METRICS_TOKEN set", () => {
  it("answers 401 without the token, with a wrong one and with a user's token, 200 with it", async () => {
    const url = `${server.baseURL}/api/events/status`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const { token } = await client.registerAndSignIn();
    expect((await client.api("/api/events/status", { token })).status).toBe(401);
    const ok = await client.api("/api/events/status", { token: METRICS_TOKEN });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mode: "in-process", outbox: { pending: expect.any(Number) } });
  });
});

describe("traces", () => {
  it("reach the OTLP collector for POST /api/posts: the route handler and its Prisma queries", async () => {
    const { token } = await client.registerAndSignIn();
    const res = await client.api("/api/posts", { method: "POST", token, body: { text: "traced" } });
    expect(res.status).toBe(201);

    const seen = () => [
      ...new Set(otlp.spans.map((s) => `${s.name} ${JSON.stringify(s.attributes)}`)),
    ];
    const trace = await poll(
      async () => {
        const root = otlp.spans.find(
          (s) =>
            s.attributes["http.method"] === "POST" &&
            String(s.attributes["http.route"] ?? s.attributes["next.route"] ?? s.name).includes(
              "/api/posts",
            ),
        );
        if (!root) return undefined;
        const inTrace = otlp.spans.filter((s) => s.traceId === root.traceId);
        return inTrace.some((s) => s.name.startsWith("prisma:")) ? inTrace : undefined;
      },
      { timeoutMs: 20_000, what: "the spans of POST /api/posts with a Prisma span" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nSpans received: ${seen().slice(0, 40).join("\n")}`);
    });
    expect(trace.every((s) => s.service === "grover-test")).toBe(true);
    expect(
      trace.some((s) => s.name === "prisma:client:db_query" || s.name.startsWith("prisma:client")),
    ).toBe(true);
  });
});

describe("GET /api/health with PayPal configured", () => {
  it("checks PayPal, and the outbound call shows as a span", async () => {
    const res = await client.api("/api/health");
    expect(res.status).toBe(200);
    expect(res.body.checks.paypal).toMatchObject({ status: "ok", latencyMs: expect.any(Number) });
    await poll(
      async () =>
        otlp.spans.some((s) =>
          Object.values(s.attributes).some((v) => String(v).endsWith("/v1/oauth2/token")),
        ),
      { timeoutMs: 10_000, what: "a span for the PayPal token request" },
    );
  });
});

describe("with the database stopped", () => {
  it("answers 503 naming the database, keeps serving, and recovers when it is back", async () => {
    const { token } = await client.registerAndSignIn();
    await proxy.close();
    try {
      const health = await poll(
        async () => {
          const res = await client.api("/api/health");
          return res.status === 503 ? res : undefined;
        },
        { timeoutMs: 20_000, what: "/api/health to answer 503" },
      );
      expect(health.body).toMatchObject({
        status: "down",
        checks: { database: { status: "down" } },
      });
      expect(health.body.failing).toContain("database");

      // The process is alive and answers every request, with 503s where the database is needed.
      for (let i = 0; i < 3; i++) {
        expect((await client.api("/api/health/live")).status).toBe(200);
        expect((await client.api("/api/health/ready")).status).toBe(503);
        const feed = await client.api("/api/posts/feed/me", { token });
        expect(feed.status).toBe(503);
        expect(feed.body).toMatchObject({ error: { code: "service_unavailable" } });
      }

      // Pages too: the home page is a 503 page that says so, with Retry-After, not a 500.
      const home = await fetch(`${server.baseURL}/`, { redirect: "manual" });
      expect(home.status).toBe(503);
      expect(home.headers.get("retry-after")).toBe("5");
      expect(home.headers.get("content-type")).toContain("text/html");
      expect(await home.text()).toContain("briefly unavailable");
      expect((await fetch(`${server.baseURL}/explore`)).status).toBe(503);
    } finally {
      await proxy.open();
    }

    await poll(async () => (await client.api("/api/health")).status === 200, {
      timeoutMs: 30_000,
      what: "/api/health to answer 200 again",
    });
    expect((await client.api("/api/health/ready")).status).toBe(200);
    expect((await client.api("/api/posts/feed/me", { token })).status).toBe(200);
    // Pages ask the database at most once a second (lib/health/is-database-reachable.ts).
    await poll(async () => (await fetch(`${server.baseURL}/`)).status === 200, {
      timeoutMs: 10_000,
      what: "the home page to answer 200 again",
    });
  });
});
