// A small HTTP client for tests that talk to the running app, and factories for unique users so
// test files can run in parallel against one database.
import { randomBytes } from "node:crypto";
import http from "node:http";

export type ApiOptions = {
  method?: string;
  /** A plain value is sent as JSON; FormData, Blob, URLSearchParams and strings as they are. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  /**
   * The loopback address (127.0.0.0/8) the request leaves from: pass the same one to act as one
   * client across calls (rate-limit tests). Default: a random one per call.
   */
  from?: string;
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
    const { method = "GET", body, token, headers = {}, from = randomLoopbackAddress() } = options;
    const requestHeaders = new Headers(headers);
    if (token) requestHeaders.set("authorization", `Bearer ${token}`);
    let payload: BodyInit | undefined;
    if (body !== undefined) {
      if (isRawBody(body)) {
        payload = body;
      } else {
        payload = JSON.stringify(body);
        if (!requestHeaders.has("content-type"))
          requestHeaders.set("content-type", "application/json");
      }
    }

    // Rate limits follow the socket's address (the server trusts no X-Forwarded-For by default),
    // so each call comes from its own loopback address unless the test pins one.
    const res = await send((await resolveBase()) + path, {
      method,
      headers: requestHeaders,
      payload,
      from,
    });
    const isJson = (res.headers.get("content-type") ?? "").includes("json");
    return {
      status: res.status,
      headers: res.headers,
      body: (isJson && res.text ? JSON.parse(res.text) : res.text) as T,
    };
  }

  /**
   * Signs in the way the web UI does (next-auth's credentials callback, as its client posts it)
   * and answers the callback's response with the session cookie, when one was set.
   */
  async function webSignIn(
    email: string,
    password: string,
    options: { from?: string; fields?: Record<string, string> } = {},
  ) {
    const from = options.from ?? randomLoopbackAddress();
    const csrf = await api<{ csrfToken: string }>("/api/auth/csrf", { from });
    const res = await api("/api/auth/callback/credentials", {
      method: "POST",
      from,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesFrom(csrf.headers),
      },
      body: new URLSearchParams({
        csrfToken: csrf.body.csrfToken,
        email,
        password,
        json: "true",
        ...options.fields,
      }),
    });
    const cookie = cookiesFrom(res.headers)
      .split("; ")
      .filter((c) => c.startsWith("next-auth.session-token"))
      .join("; ");
    return { ...res, cookie };
  }

  /** Signs in over the API (POST /api/auth/session) for a bearer token: the answer as it is. */
  function signIn(
    email: string,
    password: string,
    options: Pick<ApiOptions, "from" | "headers"> = {},
  ) {
    return api("/api/auth/session", { ...options, method: "POST", body: { email, password } });
  }

  /** Registers a new unique user (or the given one) and signs in for a bearer token. */
  async function registerAndSignIn(overrides: Partial<Credentials> = {}): Promise<SignedInUser> {
    const credentials = { ...uniqueUser(), ...overrides };
    const registered = await api("/api/auth/register", { method: "POST", body: credentials });
    if (registered.status !== 201) {
      throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
    }
    const session = await signIn(credentials.email, credentials.password);
    if (session.status !== 200 && session.status !== 201) {
      throw new Error(`sign-in answered ${session.status}: ${JSON.stringify(session.body)}`);
    }
    const { token, expiresAt, user } = session.body;
    return { token, expiresAt, user, credentials };
  }

  return { api, signIn, registerAndSignIn, webSignIn };
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

type Sent = { status: number; headers: Headers; text: string };

// node:http rather than fetch: Node's fetch can't choose the source address of its connection.
async function send(
  url: string,
  init: { method: string; headers: Headers; payload?: BodyInit; from: string },
): Promise<Sent> {
  const headers = init.headers;
  let bytes: Buffer | undefined;
  if (init.payload !== undefined) {
    // A Request encodes every body kind (FormData with its boundary, URLSearchParams…) as fetch would.
    const encoded = new Request(url, { method: "POST", body: init.payload });
    bytes = Buffer.from(await encoded.arrayBuffer());
    const type = encoded.headers.get("content-type");
    if (type && !headers.has("content-type")) headers.set("content-type", type);
    headers.set("content-length", String(bytes.length));
  }
  const target = new URL(url);
  // Only an IPv4 loopback server can be reached from a 127.x address.
  const bind = /^127\./.test(target.hostname) || target.hostname === "localhost";
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: init.method,
        headers: Object.fromEntries(headers),
        agent: false,
        ...(bind ? { localAddress: init.from, family: 4 } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          }
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: responseHeaders, text });
        });
      },
    );
    req.on("error", reject);
    req.end(bytes);
  });
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

/** A random source address in 127.64.0.0/10 (the whole of 127.0.0.0/8 is this machine's). */
export function randomLoopbackAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `127.${64 + (a! % 192)}.${b}.${1 + (c! % 254)}`;
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
export const signIn = defaultClient.signIn;
export const registerAndSignIn = defaultClient.registerAndSignIn;
export const webSignIn = defaultClient.webSignIn;
