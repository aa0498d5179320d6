// Sign-in and write limits over real HTTP, each client acting from its own loopback address
// (127.0.0.0/8 is all this machine's), as distinct machines would reach a server with no proxy in
// front. A second server with TRUST_PROXY=1 covers the load-balancer case.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  api,
  createApiClient,
  randomLoopbackAddress,
  registerAndSignIn,
  signIn as apiSignIn,
  webSignIn,
  type ApiClient,
  type ApiResponse,
} from "@/tests/support/api-client";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

function expectRateLimited(res: ApiResponse) {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(res.body).toMatchObject({ error: { code: "rate_limited", message: expect.any(String) } });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

const nobody = () => `nobody-${randomBytes(5).toString("hex")}@example.com`;

/** A sign-in over the API from the address `from`. */
function signIn(email: string, password: string, from: string, headers?: Record<string, string>) {
  return apiSignIn(email, password, { from, headers });
}

describe("the web sign-in (next-auth's credentials callback)", () => {
  it("is limited per address like POST /api/auth/session, in the form's error code", async () => {
    const from = randomLoopbackAddress();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof webSignIn>> | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await webSignIn(nobody(), "Wrong-password-1", { from });
      statuses.push(res.status);
      limited ??= res.status === 429 ? res : undefined;
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(80).fill(429));
    expectRateLimited(limited!);
    // next-auth's client reads the error code from `url`; the sign-in page shows it.
    expect(new URL(limited!.body.url).searchParams.get("error")).toBe("TooManyAttempts");
    expect(limited!.cookie).toBe("");
  }, 60_000);
});

describe("failed sign-ins for one email", () => {
  it("slow the attacker's address, never the owner signing in from elsewhere", async () => {
    const { credentials } = await registerAndSignIn();
    const { email, password } = credentials;
    const attacker = randomLoopbackAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await signIn(email, `Wrong-password-${i}`, attacker)).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    // From the attacker's address even the right password waits, so guessing gains nothing…
    expectRateLimited(await signIn(email, password, attacker));
    expect((await webSignIn(email, password, { from: attacker })).status).toBe(429);

    // …while the owner, from anywhere else, signs in through the API and through the web form.
    expect((await signIn(email, password, randomLoopbackAddress())).status).toBe(201);
    const web = await webSignIn(email, password, { from: randomLoopbackAddress() });
    expect(web.status).toBe(200);
    expect(web.cookie).toContain("next-auth.session-token=");
  });

  it("through the web form don't lock the owner out either", async () => {
    const { credentials } = await registerAndSignIn();
    const { email, password } = credentials;
    const attacker = randomLoopbackAddress();
    for (let i = 0; i < 10; i++) {
      expect((await webSignIn(email, `Wrong-password-${i}`, { from: attacker })).status).toBe(401);
    }
    const blocked = await webSignIn(email, `Wrong-password-10`, { from: attacker });
    expectRateLimited(blocked);
    expect(new URL(blocked.body.url).searchParams.get("error")).toBe("TooManyAttempts");

    const web = await webSignIn(email, password, { from: randomLoopbackAddress() });
    expect(web.cookie).toContain("next-auth.session-token=");
    expect((await signIn(email, password, randomLoopbackAddress())).status).toBe(201);
  });

  it("start again from zero after a successful sign-in from that address", async () => {
    const { credentials } = await registerAndSignIn();
    const { email, password } = credentials;
    const from = randomLoopbackAddress();
    for (let i = 0; i < 6; i++) expect((await signIn(email, `Wrong-${i}`, from)).status).toBe(401);
    expect((await signIn(email, password, from)).status).toBe(201);
    // Without the reset these would be failures 7 to 12, and the 11th would be refused.
    for (let i = 0; i < 6; i++) expect((await signIn(email, `Wrong-${i}`, from)).status).toBe(401);
  });
});

describe("limits follow each client's own address", () => {
  it("one client's bad sign-ins don't refuse another's right one", async () => {
    const someone = await registerAndSignIn();
    const noisy = randomLoopbackAddress();
    for (let i = 0; i < 20; i++) {
      expect((await signIn(nobody(), "Wrong-password-1", noisy)).status).toBe(401);
    }
    expectRateLimited(await signIn(nobody(), "Wrong-password-1", noisy));

    const { email, password } = someone.credentials;
    expect((await signIn(email, password, randomLoopbackAddress())).status).toBe(201);
    const web = await webSignIn(email, password, { from: randomLoopbackAddress() });
    expect(web.cookie).toContain("next-auth.session-token=");
  });

  it("five users' writes from one address don't refuse a sixth user's first post from another", async () => {
    const [sixth, ...five] = await Promise.all(
      Array.from({ length: 6 }, () => registerAndSignIn()),
    );
    const shared = randomLoopbackAddress();
    // 5 × 120 = 600 writes: each user's own limit, and together the shared address's.
    await Promise.all(
      five.map(async (user) => {
        for (let i = 0; i < 120; i++) {
          const res = await api(`/api/users/${sixth!.user.id}/follow`, {
            method: i % 2 ? "DELETE" : "POST",
            token: user.token,
            from: shared,
          });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }
      }),
    );
    const post = { text: "My first post." };
    const fromShared = await api("/api/posts", {
      method: "POST",
      token: sixth!.token,
      body: post,
      from: shared,
    });
    expectRateLimited(fromShared);
    const fromOwn = await api("/api/posts", { method: "POST", token: sixth!.token, body: post });
    expect(fromOwn.status, JSON.stringify(fromOwn.body)).toBe(201);
  }, 120_000);

  it("ignore a client's X-Forwarded-For and X-Real-IP when no proxy is trusted", async () => {
    const from = randomLoopbackAddress();
    const forged = () => {
      const [a, b] = randomBytes(2);
      return { "x-forwarded-for": `198.51.100.${a}, 203.0.113.${b}`, "x-real-ip": `192.0.2.${a}` };
    };
    for (let i = 0; i < 20; i++) {
      expect((await signIn(nobody(), "Wrong-password-1", from, forged())).status).toBe(401);
    }
    expectRateLimited(await signIn(nobody(), "Wrong-password-1", from, forged()));
  });
});

describe("behind a trusted proxy (TRUST_PROXY=1)", () => {
  let server: TestServer;
  let client: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ name: "trust-proxy", env: { TRUST_PROXY: "1" } });
    client = createApiClient(server.baseURL);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("keys on the last X-Forwarded-For entry, the one the proxy appended", async () => {
    // Every request comes from the one proxy's socket; the client's own entries are to the left.
    const proxy = randomLoopbackAddress();
    const attempt = (forwardedFor: string) =>
      client.api("/api/auth/session", {
        method: "POST",
        body: { email: nobody(), password: "Wrong-password-1" },
        from: proxy,
        headers: { "x-forwarded-for": forwardedFor },
      });
    const [a, b] = randomBytes(2);
    const client1 = `203.0.113.${a}`;
    for (let i = 0; i < 20; i++) {
      expect((await attempt(`198.51.100.${i}, ${client1}`)).status).toBe(401);
    }
    expectRateLimited(await attempt(`198.51.100.99, ${client1}`));
    // Another client behind the same proxy has its own bucket, whatever it puts on the left.
    expect((await attempt(`${client1}, 192.0.2.${b}`)).status).toBe(401);
  });

  it("accepts the proxy's X-Forwarded-Host as this site's host for the CSRF check", async () => {
    const { credentials } = await client.registerAndSignIn();
    const { cookie } = await client.webSignIn(credentials.email, credentials.password);
    const res = await client.api("/api/posts", {
      method: "POST",
      body: { text: "Posted through the proxy." },
      headers: {
        cookie,
        origin: "https://grover.example",
        "x-forwarded-host": "grover.example",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe("the CSRF check on cookie-authenticated writes", () => {
  let cookie: string;
  const post = (headers: Record<string, string>) =>
    api("/api/posts", {
      method: "POST",
      body: { text: "Hello." },
      headers: { cookie, ...headers },
    });

  beforeAll(async () => {
    const { credentials } = await registerAndSignIn();
    ({ cookie } = await webSignIn(credentials.email, credentials.password));
    expect(cookie).toContain("next-auth.session-token=");
  });

  it.each(["null", "http://[", "not a url", "https://"])(
    "refuses Origin: %s with 403",
    async (origin) => {
      const res = await post({ origin });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    },
  );

  it("refuses an X-Forwarded-Host that matches a forged Origin when no proxy is trusted", async () => {
    const res = await post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
  });

  it("accepts this site's own origin", async () => {
    const res = await post({ origin: inject("baseURL") });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
