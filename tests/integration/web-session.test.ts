import { describe, expect, inject, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";
import { webSignIn } from "@/tests/support/web-sign-in";

const signInWithCookie = async (email: string, password: string) =>
  (await webSignIn(email, password)).cookie;

describe("the web session cookie", () => {
  it("resolves to the same user as the bearer token", async () => {
    const { user, credentials } = await registerAndSignIn();
    const cookie = await signInWithCookie(credentials.email, credentials.password);
    expect(cookie).toContain("next-auth.session-token=");

    const me = await api("/api/auth/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);

    const session = await api("/api/auth/session", { headers: { cookie } });
    expect(session.body.user).toEqual({ id: user.id });
  });

  it("is not issued for a wrong password", async () => {
    const { credentials } = await registerAndSignIn();
    expect(await signInWithCookie(credentials.email, "Wrong-password-1")).toBe("");
  });

  it("is revoked on the server by logout: the same cookie no longer signs in", async () => {
    const { credentials } = await registerAndSignIn();
    const cookie = await signInWithCookie(credentials.email, credentials.password);

    const out = await api("/api/auth/logout", {
      method: "POST",
      headers: { cookie, origin: inject("baseURL") },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/next-auth\.session-token=;/);

    const me = await api("/api/auth/me", { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it("refuses a cookie-authenticated change from another origin", async () => {
    const { credentials } = await registerAndSignIn();
    const cookie = await signInWithCookie(credentials.email, credentials.password);
    const res = await api("/api/users/profile", {
      method: "PUT",
      body: { bio: "hijacked" },
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });
});
