// Every e2e spec imports `test` and `expect` from here (eslint refuses @playwright/test in a
// spec). Two things for every test:
// - it fails if any page it opened reported a Content-Security-Policy violation, so the policy
//   in proxy.ts is proven against every page the suite visits, in every browser context a test
//   opens (its own `page` and any from `browser.newContext()`);
// - users come from the API, not the sign-up form: `api` calls the app, `newUser()` registers
//   someone, `user` is a fresh user the test's `page` is signed in as, and `pageAs(someone)`
//   opens a second browser signed in as someone else. Only the specs whose subject is signing
//   up or in (accounts, no-script-forms, open-redirect) fill in those forms.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import {
  createApiClient,
  type ApiClient,
  type Credentials,
  type SignedInUser,
} from "../support/api-client";

// Everything else (expect, types) as Playwright has it; `test` below takes precedence.
export * from "@playwright/test";

declare global {
  interface Window {
    __reportCspViolation?: (report: string) => void;
  }
}

async function watchForViolations(context: BrowserContext, violations: string[]) {
  // Reported by the page itself, with what was blocked and where.
  await context.exposeFunction("__reportCspViolation", (report: string) => {
    violations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__reportCspViolation?.(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  // And Chromium's console message, which also covers violations before the listener exists.
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}

/**
 * Signs a browser context in as `user` with the session cookie of a sign-in over HTTP, as the
 * web UI's form would get it. The browser itself never posts a password, so it spends nothing
 * of the sign-in rate limit, which every page it opens shares (they all come from 127.0.0.1);
 * the API client calls from a loopback address of its own each time.
 */
async function signInContext(
  context: BrowserContext,
  client: ApiClient,
  user: SignedInUser,
  baseURL: string,
) {
  const { email, password } = user.credentials;
  const { status, cookie } = await client.webSignIn(email, password);
  if (!cookie) throw new Error(`web sign-in answered ${status} without a session cookie`);
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      return { name, value, url: baseURL, httpOnly: true, sameSite: "Lax" as const };
    }),
  );
}

type Fixtures = {
  cspViolations: string[];
  /** The app's API client, bound to the test server. */
  client: ApiClient;
  /** Calls the app's JSON API (tests/support/api-client.ts). */
  api: ApiClient["api"];
  /** Registers a fresh user through the API (or one with these details) with a bearer token. */
  newUser: (overrides?: Partial<Credentials>) => Promise<SignedInUser>;
  /** A fresh user; asking for it signs the test's `page` in as them. */
  user: SignedInUser;
  /** A page in a new browser context, signed in as `user`. */
  pageAs: (user: SignedInUser) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchForViolations(context, violations);
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        await watchForViolations(created, violations);
        return created;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  client: async ({ baseURL }, use) => {
    await use(createApiClient(baseURL!));
  },
  api: async ({ client }, use) => {
    await use(client.api);
  },
  newUser: async ({ client }, use) => {
    await use((overrides) => client.registerAndSignIn(overrides));
  },
  user: async ({ context, client, newUser, baseURL }, use) => {
    const user = await newUser();
    await signInContext(context, client, user, baseURL!);
    await use(user);
  },
  pageAs: async ({ browser, client, baseURL }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (user) => {
      const context = await browser.newContext();
      opened.push(context);
      await signInContext(context, client, user, baseURL!);
      return context.newPage();
    });
    for (const context of opened) await context.close();
  },
});
