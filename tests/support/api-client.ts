// A small HTTP client for tests that talk to the running app, and factories for unique users so
// test files can run in parallel against one database.
import { randomBytes } from "node:crypto";

export type ApiOptions = {
  method?: string;
  /** A plain value is sent as JSON; FormData, Blob, URLSearchParams and strings as they are. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Set `x-forwarded-for` to act as one client across calls (rate-limit tests). */
  headers?: Record<string, string>;
};

// Tests read response bodies through `expect`, so the default body type is loose on purpose;
// pass a type argument where a typed body helps.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse<T = any> = {
  status: number;
  headers: Headers;
  body: T;
};

export type Credentials = {
  email: string;
  password: string;
  username: string;
  displayName: string;
};

export type SignedInUser = {
  token: string;
  expiresAt: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  user: any;
  credentials: Credentials;
};

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(baseURL: string | (() => Promise<string>)) {
  const resolveBase = typeof baseURL === "string" ? async () => baseURL : baseURL;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function api<T = any>(path: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
    const { method = "GET", body, token, headers = {} } = options;
    const requestHeaders = new Headers(headers);
    const init: RequestInit = { method, headers: requestHeaders, redirect: "manual" };
    // The test server trusts X-Forwarded-For (TRUST_PROXY, as behind a load balancer), and
    // rate limits are per IP: each call comes from a different client unless the test pins one.
    if (!requestHeaders.has("x-forwarded-for")) {
      requestHeaders.set("x-forwarded-for", randomClientIp());
    }
    if (token) requestHeaders.set("authorization", `Bearer ${token}`);
    if (body !== undefined) {
      if (isRawBody(body)) {
        init.body = body;
      } else {
        init.body = JSON.stringify(body);
        if (!requestHeaders.has("content-type"))
          requestHeaders.set("content-type", "application/json");
      }
    }

    const res = await fetch((await resolveBase()) + path, init);
    const text = await res.text();
    const isJson = (res.headers.get("content-type") ?? "").includes("json");
    return {
      status: res.status,
      headers: res.headers,
      body: (isJson && text ? JSON.parse(text) : text) as T,
    };
  }

  /** Registers a new unique user (or the given one) and signs in for a bearer token. */
  async function registerAndSignIn(overrides: Partial<Credentials> = {}): Promise<SignedInUser> {
    const credentials = { ...uniqueUser(), ...overrides };
    const registered = await api("/api/auth/register", { method: "POST", body: credentials });
    if (registered.status !== 201 && registered.status !== 200) {
      throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
    }
    const session = await api("/api/auth/session", {
      method: "POST",
      body: { email: credentials.email, password: credentials.password },
    });
    if (session.status !== 200 && session.status !== 201) {
      throw new Error(`sign-in answered ${session.status}: ${JSON.stringify(session.body)}`);
    }
    const { token, expiresAt, user } = session.body;
    return { token, expiresAt, user, credentials };
  }

  return { api, registerAndSignIn };
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === "string" ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

/** A random address in 10.0.0.0/8, apart from the documentation ranges tests pin on purpose. */
export function randomClientIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/** Fresh credentials; the random part keeps parallel tests from colliding. */
export function uniqueUser(): Credentials {
  const id = randomBytes(5).toString("hex");
  return {
    email: `user-${id}@example.com`,
    password: `Pw-${randomBytes(8).toString("hex")}`,
    username: `user_${id}`,
    displayName: `Test User ${id}`,
  };
}

// Under Vitest the base URL comes from the integration global setup. `vitest` is imported lazily
// so that this module also loads in Playwright, which builds its own client with createApiClient.
const defaultClient = createApiClient(async () => {
  const { inject } = await import("vitest");
  return inject("baseURL");
});

export const api = defaultClient.api;
export const registerAndSignIn = defaultClient.registerAndSignIn;
