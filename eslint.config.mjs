import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Unused code is an error here: `npm run lint` runs with --max-warnings=0 anyway, and a
      // leading underscore marks an argument that is unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Layers point one way: app -> components -> lib, inngest -> lib, client (browser data code)
    // -> lib. Test code (tests/) and development tools (dev/, the PayPal double) are imported by
    // nothing the app is built from. Paths resolve through tsconfig, so "@/..." imports count.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components", "./client", "./inngest"],
              message: "lib/ is the bottom layer: hand it what it needs from above.",
            },
            { target: "./components", from: "./app", message: "components/ never import app/." },
            {
              target: "./inngest",
              from: ["./app", "./components", "./client"],
              message: "inngest/ builds on lib/ only.",
            },
            {
              target: "./client",
              from: ["./app", "./components"],
              message: "client/ builds on lib/ only.",
            },
            {
              target: ["./app", "./components", "./client", "./lib", "./inngest", "./*.ts"],
              from: "./dev",
              message: "dev/ holds development tools that the app's build must never include.",
            },
            {
              target: [
                "./app",
                "./components",
                "./client",
                "./lib",
                "./inngest",
                "./dev",
                "./scripts",
                "./types",
                "./prisma",
                "./*.ts",
                "./*.mjs",
              ],
              from: "./tests",
              message: "Only tests/ imports tests/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures take a `use` callback that the React hooks rule mistakes for a hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Specs take `test` from the fixture that fails on Content-Security-Policy violations.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", message: 'Import from "./fixtures".' }] },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
]);
