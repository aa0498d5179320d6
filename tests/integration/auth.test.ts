import { describe, expect, it } from "vitest";
import {
  api,
  randomLoopbackAddress,
  registerAndSignIn,
  uniqueUser,
} from "@/tests/support/api-client";

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe("POST /api/auth/register", () => {
  it("creates an account and answers the user without secrets", async () => {
    const credentials = uniqueUser();
    const res = await api("/api/auth/register", { method: "POST", body: credentials });

    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.body).toMatchObject({
      username: credentials.username,
      displayName: credentials.displayName,
      email: credentials.email,
      stats: { followers: 0, following: 0, posts: 0, likesReceived: 0 },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
  });

  it("lower-cases email and username, so case variants collide (409)", async () => {
    const credentials = uniqueUser();
    await api("/api/auth/register", { method: "POST", body: credentials });

    const sameEmail = await api("/api/auth/register", {
      method: "POST",
      body: { ...uniqueUser(), email: credentials.email.toUpperCase() },
    });
    expectError(sameEmail, 409, "conflict");
    expect(sameEmail.body.error.details).toEqual({ field: "email" });

    const sameUsername = await api("/api/auth/register", {
      method: "POST",
      body: { ...uniqueUser(), username: credentials.username.toUpperCase() },
    });
    expectError(sameUsername, 409, "conflict");
    expect(sameUsername.body.error.details).toEqual({ field: "username" });
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["a short password", { password: "Ab1!" }, "password"],
    ["a letters-only password", { password: "abcdefghijkl" }, "password"],
    ["a common password", { password: "password123" }, "password"],
    ["a username with spaces", { username: "two words" }, "username"],
    ["an over-long display name", { displayName: "x".repeat(51) }, "displayName"],
    ["a wrong type", { username: 42 }, "username"],
    ["an over-long email", { email: `${"a".repeat(250)}@example.com` }, "email"],
    ["an unknown field", { isAdmin: true }, ""],
  ])("refuses %s with 400 and names the field", async (_label, override, field) => {
    const res = await api("/api/auth/register", {
      method: "POST",
      body: { ...uniqueUser(), ...override },
    });
    expectError(res, 400, "validation_failed");
    if (field) {
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: field }));
    }
  });

  it("refuses a reserved username with 409", async () => {
    const res = await api("/api/auth/register", {
      method: "POST",
      body: { ...uniqueUser(), username: "settings" },
    });
    expectError(res, 409, "conflict");
  });

  it("answers malformed JSON with 400 invalid_json and a missing body type with 415", async () => {
    const malformed = await api("/api/auth/register", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(malformed, 400, "invalid_json");

    const wrongType = await api("/api/auth/register", {
      method: "POST",
      body: "email=a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(wrongType, 415, "unsupported_media_type");
  });
});

describe("POST /api/auth/session and the bearer token", () => {
  it("exchanges email and password for a token that resolves to the same user", async () => {
    const { token, expiresAt, user, credentials } = await registerAndSignIn();
    expect(token).toMatch(/^grv_/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect(user.username).toBe(credentials.username);

    const me = await api("/api/auth/me", { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, email: credentials.email });
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const { credentials } = await registerAndSignIn();
    const wrongPassword = await api("/api/auth/session", {
      method: "POST",
      body: { email: credentials.email, password: "Wrong-password-1" },
    });
    const unknownEmail = await api("/api/auth/session", {
      method: "POST",
      body: { email: `nobody-${Date.now()}@example.com`, password: credentials.password },
    });
    expectError(wrongPassword, 401, "invalid_credentials");
    expectError(unknownEmail, 401, "invalid_credentials");
    expect(wrongPassword.body.error.message).toBe(unknownEmail.body.error.message);
  });

  it("accepts the email in any case", async () => {
    const { credentials } = await registerAndSignIn();
    const res = await api("/api/auth/session", {
      method: "POST",
      body: { email: credentials.email.toUpperCase(), password: credentials.password },
    });
    expect(res.status).toBe(201);
  });
});

describe("GET /api/auth/me", () => {
  it("is 401 without credentials and with a made-up or malformed token", async () => {
    expectError(await api("/api/auth/me"), 401, "unauthorized");
    expectError(await api("/api/auth/me", { token: "grv_madeup" }), 401, "invalid_token");
    expectError(
      await api("/api/auth/me", { headers: { authorization: "Basic abc" } }),
      401,
      "invalid_token",
    );
  });
});

describe("POST /api/auth/logout", () => {
  it("revokes the token: it fails afterwards, and other tokens of the user keep working", async () => {
    const { token, credentials } = await registerAndSignIn();
    const second = await api("/api/auth/session", {
      method: "POST",
      body: { email: credentials.email, password: credentials.password },
    });

    const out = await api("/api/auth/logout", { method: "POST", token });
    expect(out.status).toBe(204);

    expectError(await api("/api/auth/me", { token }), 401, "invalid_token");
    expectError(await api("/api/auth/logout", { method: "POST", token }), 401, "invalid_token");
    expect((await api("/api/auth/me", { token: second.body.token })).status).toBe(200);
  });

  it("is 401 when not signed in", async () => {
    expectError(await api("/api/auth/logout", { method: "POST" }), 401, "unauthorized");
  });
});

describe("rate limits", () => {
  it("limits sign-in attempts per address with 429 and Retry-After", async () => {
    const from = randomLoopbackAddress();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof api>> | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await api("/api/auth/session", {
        method: "POST",
        body: { email: `nobody-${i}@example.com`, password: "whatever-123" },
        from,
      });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(limited).toBeDefined();
    expectError(limited!, 429, "rate_limited");
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

// Failed sign-ins slow the address they come from, never the account: see rate-limits.test.ts.
describe("the guard against password guessing", () => {
  it("does not count successful sign-ins", async () => {
    const { credentials } = await registerAndSignIn();
    const from = randomLoopbackAddress();
    for (let i = 0; i < 12; i++) {
      const res = await api("/api/auth/session", {
        method: "POST",
        body: { email: credentials.email, password: credentials.password },
        from,
      });
      expect(res.status).toBe(201);
    }
  });
});

describe("next-auth beside the contract", () => {
  it("serves next-auth's GET /api/auth/session (empty when signed out) and its CSRF endpoint", async () => {
    const session = await api("/api/auth/session");
    expect(session.status).toBe(200);
    expect(session.body).toEqual({});

    const csrf = await api("/api/auth/csrf");
    expect(csrf.status).toBe(200);
    expect(csrf.body.csrfToken).toEqual(expect.any(String));
  });
});
