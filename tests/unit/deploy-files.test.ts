// The deployment files can't be run here (no Docker, no cluster), so these check what can be
// checked: they parse, they point at the endpoints the app serves, and the dashboards query only
// metrics the app exports.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Histogram } from "prom-client";
import { parseAllDocuments } from "yaml";
import { metrics } from "@/lib/metrics";

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function yamlDocuments(file: string): any[] {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const document of documents) {
    expect(document.errors, `${file}: ${document.errors.join("; ")}`).toEqual([]);
  }
  return documents.map((document) => document.toJS());
}

const YAML_FILES = ["docker-compose.yml", ...files("deploy", /\.ya?ml$/)];
const DASHBOARDS = files("deploy/grafana/dashboards", /\.json$/);
const K8S = files("deploy/k8s", /\.ya?ml$/).flatMap(yamlDocuments);

describe("deployment files", () => {
  it("are valid YAML and JSON", () => {
    expect(YAML_FILES.length).toBeGreaterThan(5);
    for (const file of YAML_FILES) expect(yamlDocuments(file).length).toBeGreaterThan(0);
    expect(DASHBOARDS.length).toBe(3);
    for (const file of DASHBOARDS)
      expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
  });

  it("Prometheus scrapes the app's service on /api/metrics, with a bearer token", () => {
    const [config] = yamlDocuments("deploy/prometheus/prometheus.yml");
    const [compose] = yamlDocuments("docker-compose.yml");
    const job = config.scrape_configs.find((c: { job_name: string }) => c.job_name === "grover");
    expect(job.metrics_path).toBe("/api/metrics");
    expect(job.authorization.type).toBe("Bearer");
    expect(job.static_configs[0].targets).toEqual(["app:3000"]);
    // ... the compose service named "app", with the same token.
    expect(compose.services.app).toBeDefined();
    expect(compose["x-app-env"].METRICS_TOKEN).toContain(job.authorization.credentials);
    for (const service of ["postgres", "redis", "inngest", "jaeger", "prometheus", "grafana"]) {
      expect(compose.services, service).toHaveProperty(service);
    }
  });

  it("dashboards query only metrics the app exports", () => {
    const exported = new Set<string>(["up"]); // `up` is Prometheus's own, per scrape target
    for (const metric of metrics().registry.getMetricsAsArray()) {
      exported.add(metric.name);
      if (metric instanceof Histogram) {
        for (const suffix of ["_bucket", "_count", "_sum"]) exported.add(metric.name + suffix);
      }
    }
    const used = new Set<string>();
    for (const file of DASHBOARDS) {
      const dashboard = JSON.parse(readFileSync(file, "utf8"));
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) metricNames(target.expr).forEach((n) => used.add(n));
      }
    }
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    // The business and HTTP metrics each appear on a dashboard.
    for (const name of [
      "http_requests_total",
      "http_errors_total",
      "http_request_duration_seconds_bucket",
      "users_created_total",
      "posts_created_total",
      "payments_completed_total",
      "payouts_total",
      "outbox_backlog_events",
    ]) {
      expect(used, name).toContain(name);
    }
  });

  it("Kubernetes manifests hold every part, with probes on the health endpoints", () => {
    const kinds = K8S.map((doc) => doc.kind).sort();
    expect(kinds).toEqual(
      [
        "ConfigMap",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Ingress",
        "Job",
        "Namespace",
        "Secret",
        "Service",
      ].sort(),
    );
    const deployment = K8S.find((doc) => doc.kind === "Deployment");
    const [container] = deployment.spec.template.spec.containers;
    expect(container.livenessProbe.httpGet.path).toBe("/api/health/live");
    expect(container.readinessProbe.httpGet.path).toBe("/api/health/ready");
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String) });
    const job = K8S.find((doc) => doc.kind === "Job");
    expect(job.spec.template.spec.containers[0].command).toEqual(["npm", "run", "db:migrate"]);
  });

  it("the Dockerfile builds standalone output, runs as non-root and checks liveness", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    expect(dockerfile).toMatch(/\.next\/standalone/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/health\/live/);
    expect(readFileSync("next.config.ts", "utf8")).toMatch(/output: "standalone"/);
  });

  // `docker build` fails on a COPY whose source is missing (it copied a `public/` the repo lacks).
  it("the Dockerfile copies from the build stage only what the repository or the build has", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    const sources = [...dockerfile.matchAll(/^COPY --from=build\b.*? \/app\/(\S+) \S+$/gm)];
    expect(sources.length).toBeGreaterThan(0);
    const missing = sources
      .map((match) => match[1]!)
      .filter((source) => !source.startsWith(".next/") && !existsSync(source));
    expect(missing).toEqual([]);
  });
});

const PROMQL_WORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "and",
  "or",
  "unless",
  "bool",
  "offset",
]);

/** The metric names in a PromQL expression: identifiers that are not functions, labels or keywords. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, "") // strings
    .replace(/\{[^}]*\}/g, "") // label matchers
    .replace(/\[[^\]]*\]/g, "") // ranges
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, "") // grouping labels
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, ""); // numbers
  // A word followed by "(" is a function (sum, rate, histogram_quantile, ...).
  return [...bare.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)]
    .filter((m) => !m[2] && !PROMQL_WORDS.has(m[1]!))
    .map((m) => m[1]!);
}
