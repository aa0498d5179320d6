// Vitest global setup for the integration project: one app server for the whole run, its address
// handed to the tests through `inject("baseURL")`.
import type { TestProject } from "vitest/node";
import { assertLocalServer } from "../../dev/assert-local-database";
import { startTestServer } from "./start-test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's DATA_DIR; empty when TEST_BASE_URL names a server we didn't start. */
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  // TEST_BASE_URL runs the tests against a server you started yourself (e.g. `next dev`).
  const existing = process.env.TEST_BASE_URL;
  if (existing) {
    assertLocalServer(existing);
    project.provide("baseURL", existing.replace(/\/$/, ""));
    project.provide("dataDir", "");
    return;
  }

  const server = await startTestServer({ name: "integration" });
  project.provide("baseURL", server.baseURL);
  project.provide("dataDir", server.dataDir);
  return server.stop;
}
