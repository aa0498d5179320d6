// .env.example, the README's Configuration table and lib/config.ts name the same variables, in
// the same order (the file and the table), so a variable added to one can't be missing elsewhere.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema } from "@/lib/config";

// Read by libraries, not by lib/config.ts, yet part of configuring Grover: next-auth reads the
// first two, the OpenTelemetry SDK the rest.
const READ_BY_LIBRARIES = [
  "NEXTAUTH_URL",
  "AUTH_TRUST_HOST",
  "OTEL_EXPORTER_OTLP_PROTOCOL",
  "OTEL_TRACES_SAMPLER",
  "OTEL_SDK_DISABLED",
];

/** Every `# NAME=value` line, in order. */
function envExampleNames(): string[] {
  const text = readFileSync(".env.example", "utf8");
  return [...text.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!);
}

/** The backticked names in the first column of the README's Configuration table, in order. */
function readmeNames(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split("\n## Configuration\n")[1]!.split("\n## ")[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

describe(".env.example", () => {
  const expected = [...Object.keys(EnvSchema.shape), ...READ_BY_LIBRARIES].sort();

  it("lists every variable lib/config.ts reads, and nothing else, each commented out", () => {
    expect([...envExampleNames()].sort()).toEqual(expected);
    const active = readFileSync(".env.example", "utf8").match(/^[A-Z][A-Z0-9_]*=.*$/gm);
    expect(active).toBeNull();
  });

  it("mirrors the README's Configuration table, in its order", () => {
    expect([...readmeNames()].sort()).toEqual(expected);
    expect(envExampleNames()).toEqual(readmeNames());
  });
});
