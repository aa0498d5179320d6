import { describe, expect, it } from "vitest";
import { api } from "@/tests/support/api-client";

describe("GET /api/health", () => {
  it("answers 200 with JSON", async () => {
    const res = await api("/api/health");

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.body).toMatchObject({ status: "ok" });
  });

  it("reports the database the harness chose", async () => {
    const res = await api("/api/health");

    // The harness runs the app against DATABASE_URL's server when it is set, PGlite otherwise.
    expect(res.body.database).toBe(process.env.DATABASE_URL ? "postgresql" : "embedded");
  });
});
