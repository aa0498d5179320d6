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

describe("unknown API paths", () => {
  it("answer 404 in the error shape, for every method", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await api("/api/no/such/thing", { method });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
