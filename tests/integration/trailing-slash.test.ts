import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";

// The contract writes some paths with a trailing slash (`POST /api/posts/`), and clients that
// don't follow redirects (httpx by default, curl without -L) must get the answer itself, not a
// 308 to the slashless path. The api client never follows redirects.

describe("API paths with a trailing slash", () => {
  it("creates a post on POST /api/posts/ with a bearer token, no redirect", async () => {
    const { token } = await registerAndSignIn();
    const res = await api("/api/posts/", { method: "POST", token, body: { text: "slash" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const read = await api(`/api/posts/${res.body.id}/`, { token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: res.body.id, text: "slash" });
  });

  it("answers every path of the OpenAPI document as it answers it without the slash", async () => {
    const document = await api("/api/openapi.json");
    expect(document.status).toBe(200);
    const paths = Object.entries(document.body.paths as Record<string, Record<string, unknown>>);
    expect(paths.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    for (const [template, operations] of paths) {
      const path = template.replace(/\{[^}]+\}/g, "x");
      for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
        // Signed out and without a body: the answers are 401s, 400s and reads, nothing changes.
        const bare = await api(path, { method });
        const slashed = await api(`${path}/`, { method });
        if (slashed.status >= 300 && slashed.status < 400) {
          mismatches.push(`${method} ${path}/ redirected (${slashed.status})`);
        } else if (slashed.status !== bare.status) {
          mismatches.push(`${method} ${path}/ ${slashed.status}, without the slash ${bare.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("pages with a trailing slash", () => {
  it("still redirect to their one URL", async () => {
    const res = await fetch(`${inject("baseURL")}/explore/?tag=x`, { redirect: "manual" });
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toMatch(/^(http:\/\/[^/]+)?\/explore\?tag=x$/);
  });
});
