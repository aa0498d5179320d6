import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";
import { TEST_METRICS_TOKEN } from "@/tests/support/metrics-token";
import { parseMetrics, sampleValue } from "@/tests/support/prometheus-text";

async function scrape() {
  const res = await fetch(`${inject("baseURL")}/api/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return parseMetrics(await res.text());
}

// Other test files use the same server at the same time, so counters are compared with "at
// least", never exactly.
describe("GET /api/metrics", () => {
  it("counts accounts and posts created, and the requests by route pattern", async () => {
    const before = await scrape();
    const { token } = await registerAndSignIn();
    const created = await api("/api/posts", { method: "POST", token, body: { text: "metrics" } });
    expect(created.status).toBe(201);
    const read = await api(`/api/posts/${created.body.id}`, { token });
    expect(read.status).toBe(200);
    const after = await scrape();

    const delta = (name: string, labels?: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta("users_created_total")).toBeGreaterThanOrEqual(1);
    expect(delta("posts_created_total")).toBeGreaterThanOrEqual(1);
    expect(
      delta("http_requests_total", { method: "POST", route: "/api/posts", status: "201" }),
    ).toBeGreaterThanOrEqual(1);
    // The route label is the pattern, never the path with the id in it.
    expect(
      delta("http_requests_total", { method: "GET", route: "/api/posts/{id}", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      after.some((s) => Object.values(s.labels).some((v) => v.includes(created.body.id))),
    ).toBe(false);
    expect(
      delta("http_request_duration_seconds_count", { method: "POST", route: "/api/posts" }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("has a 0.2 s latency bucket, process metrics, the outbox backlog and the business counters", async () => {
    await api("/api/health");
    const samples = await scrape();
    const buckets = samples.filter((s) => s.name === "http_request_duration_seconds_bucket");
    expect(buckets.some((s) => s.labels.le === "0.2")).toBe(true);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "outbox_backlog_events",
      "payments_completed_total",
      "payouts_total",
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it("counts 4xx answers as requests and 5xx ones as errors only", async () => {
    const before = await scrape();
    expect((await api("/api/posts/not-a-post-id")).status).toBeGreaterThanOrEqual(400);
    const after = await scrape();
    const requests = (s: typeof after) =>
      sampleValue(s, "http_requests_total", { method: "GET", route: "/api/posts/{id}" });
    expect(requests(after) - requests(before)).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(after, "http_errors_total", { route: "/api/posts/{id}", status: "404" }),
    ).toBe(0);
  });
});

describe("GET /api/health/live and /api/health/ready", () => {
  it("answer 200 while the app and its database are up", async () => {
    const live = await api("/api/health/live");
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: "ok" });
    const ready = await api("/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ready", database: "ok", pendingMigrations: [] });
  });

  it("/api/health names every check with its latency", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    expect(res.body.failing).toEqual([]);
    for (const name of ["database", "storage", "events"]) {
      expect(res.body.checks[name]).toMatchObject({ status: "ok", latencyMs: expect.any(Number) });
    }
    expect(res.body.checks.events.details).toMatchObject({ pending: expect.any(Number) });
  });
});
