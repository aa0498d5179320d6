import "server-only";
import { z } from "zod";

// Every environment variable the server reads, validated once at start-up. The README's
// configuration table lists the same variables; keep the two in step.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server. Unset: an embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database, generated secrets and local uploads live. */
  DATA_DIR: z.string().default(".data"),
  /** Signs session cookies and pagination cursors. Unset outside production: one is generated into DATA_DIR. */
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  /** Lifetime of API bearer tokens and web sessions, in days. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Rate limits are shared across replicas through Redis when set; in memory otherwise. */
  REDIS_URL: z.string().url().optional(),
  /** Switch rate limiting off (load tests only). */
  RATE_LIMIT_DISABLED: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** Behind a load balancer: take the client IP from X-Forwarded-For (rate limits are per IP). */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated environment. Read lazily so `next build` does not need runtime secrets. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
