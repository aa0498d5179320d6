// Every e2e spec imports `test` and `expect` from here (eslint refuses @playwright/test in a
// spec): a test fails if any page it opened reported a Content-Security-Policy violation, so
// the policy in proxy.ts is proven against every page the suite visits, in every browser
// context a test opens (its own `page` and any from `browser.newContext()`).
import { test as base, expect, type BrowserContext } from "@playwright/test";

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

export const test = base.extend<{ cspViolations: string[] }>({
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
});
