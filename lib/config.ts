import "server-only";
import { z } from "zod";
import { parseAllowHosts } from "@/lib/link-previews/allow-hosts";
import { TIMELINE_DEFAULTS } from "@/lib/timeline/timeline-settings";

// Every environment variable the server reads, validated once at start-up. The README's
// configuration table and .env.example list the same variables (tests/unit/env-example.test.ts).
export const EnvSchema = z.object({
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
  /** Any OpenID Connect provider (Keycloak, Authentik, a company's SSO): its issuer URL (discovery is read from `<issuer>/.well-known/openid-configuration`), the client registered there, and the button's label. All four or none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(40).optional(),
  /** Comma-separated emails that are made admins when they register (case-insensitive); the first account ever is one too. */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Lifetime of API bearer tokens and web sessions, in days. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Rate limits are shared across replicas through Redis when set; in memory otherwise. */
  REDIS_URL: z.string().url().optional(),
  /** Switch rate limiting off (load tests only). */
  RATE_LIMIT_DISABLED: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** Answer every API request with `x-sql-queries`, its SQL statement count (tests, benchmark). */
  EXPOSE_QUERY_COUNT: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /**
   * Seconds what every viewer shares (explore's first page of ids, trending tags) is kept, in
   * Redis with REDIS_URL, else in memory; 0 turns the shared cache off.
   */
  SHARED_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /**
   * How many proxies (load balancers) stand in front of the app: the client's address is then the
   * one the outermost of them saw, the Nth X-Forwarded-For entry from the right, and X-Forwarded-Host
   * names the site. "true" means 1. Unset, "false" or "0": no proxy, the socket's own address, and
   * every X-Forwarded-* header a client sends is dropped.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, "a hop count, true (1) or false (0)")
    .optional()
    .transform((v) => (v === "true" ? 1 : v === undefined || v === "false" ? 0 : Number(v))),
  /** Live streams (GET /api/streaming) one user may hold open on one replica; one more is 429. */
  STREAMING_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  /** How often an open live stream gets a `: heartbeat` comment (keeps proxies from closing it). */
  STREAMING_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  /** Media storage: UploadThing when set (its dashboard's token); else disk, DATA_DIR/uploads. */
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
  /** UploadThing's API, ingest and file hosts; set only to point at a local double in tests. */
  UPLOADTHING_API_URL: z.string().url().optional(),
  UPLOADTHING_INGEST_URL: z.string().url().optional(),
  UPLOADTHING_UFS_HOST: z.string().optional(),
  UPLOADTHING_UFS_APP_ID_LOCATION: z.enum(["subdomain", "path"]).optional(),
  /** Upload limits: bytes per image and per video, and pixels an image may decode to. */
  MEDIA_IMAGE_MAX_BYTES: z.coerce.number().int().min(1).default(15_728_640), // 15 MiB
  MEDIA_VIDEO_MAX_BYTES: z.coerce.number().int().min(1).default(52_428_800), // 50 MiB
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(1).default(50_000_000),
  /** ffmpeg and ffprobe for video posters and metadata; "off" uses a neutral poster instead. */
  FFMPEG_PATH: z.string().default("ffmpeg"),
  FFPROBE_PATH: z.string().default("ffprobe"),
  /** Background events go to Inngest when INNGEST_EVENT_KEY (or INNGEST_DEV) is set; in-process otherwise. */
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  /** Verifies Inngest's calls to /api/inngest (required by Inngest Cloud). */
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  /** A self-hosted Inngest (or a local double in tests); Inngest Cloud when unset. */
  INNGEST_BASE_URL: z.string().url().optional(),
  /** "1" or the dev server's URL: use `inngest-cli dev` (no keys needed). */
  INNGEST_DEV: z.string().optional(),
  /** "off": this replica serves requests but never dispatches events (another one does). */
  EVENTS_DISPATCHER: z.enum(["on", "off"]).default("on"),
  /** How often the dispatcher looks for due events, besides the nudge after each publish. */
  EVENTS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** How long a claimed event is reserved for the replica handling it (renewed after each step). */
  EVENTS_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** First retry delay after a failed delivery; doubles each time (with jitter), up to 15 minutes. */
  EVENTS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  /** Followers told about a new post per step. */
  EVENTS_FANOUT_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  /** Home timelines: authors with more followers than this are not fanned out on write but merged into their followers' feeds when read. */
  TIMELINE_FANOUT_MAX_FOLLOWERS: z.coerce
    .number()
    .int()
    .min(0)
    .default(TIMELINE_DEFAULTS.maxFollowers),
  /** Home timelines: entries kept per user; pages past them are assembled on read. */
  TIMELINE_MAX_ENTRIES: z.coerce.number().int().min(20).max(100_000).default(TIMELINE_DEFAULTS.cap),
  /** PayPal: "sandbox" or "live" with the credentials below, or "local" for the offline double (dev/paypal-double) at PAYPAL_API_URL. Unset: sandbox when credentials are set, payments off otherwise. */
  PAYPAL_MODE: z.enum(["sandbox", "live", "local"]).optional(),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  /** The id PayPal gave the webhook pointing at /api/payments/webhook; needed to verify deliveries. */
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  /** PayPal's REST base URL; set only to point at a proxy or a local double (required with PAYPAL_MODE=local). */
  PAYPAL_API_URL: z.string().url().optional(),
  /** How long one call to PayPal may take before it counts as timed out. */
  PAYPAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  /** The platform's fee in basis points of each payment (1000 = 10%). */
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5_000).default(1_000),
  /** Currencies supporters may pay in, a subset of USD,EUR,GBP. */
  PAYMENT_CURRENCIES: z
    .string()
    .default("USD,EUR,GBP")
    .transform((v) => v.split(",").map((c) => c.trim().toUpperCase()))
    .pipe(z.array(z.enum(["USD", "EUR", "GBP"])).min(1)),
  /** Tests only, refused in production: loopback host:port entries the link-preview fetcher may reach (it refuses every non-public address otherwise). */
  LINK_PREVIEW_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      try {
        return parseAllowHosts(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Mail goes out over SMTP when set (smtp://user:pass@host:587, smtps://…:465); unset outside production, it is written to DATA_DIR/mail and listed at /dev/mail; unset in production, mail is off. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:$/.test(new URL(v).protocol), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From of every mail, e.g. "Grover <no-reply@example.com>"; required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).max(320).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** GET /api/metrics and /api/events/status need `Authorization: Bearer <METRICS_TOKEN>`; unset, they answer 401 in production and are open elsewhere. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** OTLP/HTTP collector for traces (Jaeger, Tempo, an OpenTelemetry collector); tracing is off when unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The service name on every span. */
  OTEL_SERVICE_NAME: z.string().min(1).default("grover"),
});

export type Env = z.infer<typeof EnvSchema>;

const OIDC_KEYS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;

// The double is never part of the app (dev/paypal-double runs as its own server), so local mode
// without its address would otherwise fail at the first payment instead of here.
export const ZCheckedEnvSchema = EnvSchema.refine(
  (e) => e.PAYPAL_MODE !== "local" || e.PAYPAL_API_URL,
  {
    message: "PAYPAL_MODE=local needs the address of a PayPal double (npm run paypal:double)",
    path: ["PAYPAL_API_URL"],
  },
)
  // A deployment that let the server fetch its own loopback ports on a user's say-so would hand
  // every poster a way into whatever listens there.
  .refine((e) => e.NODE_ENV !== "production" || e.LINK_PREVIEW_ALLOW_HOSTS.length === 0, {
    message: "is for tests only and refused in production",
    path: ["LINK_PREVIEW_ALLOW_HOSTS"],
  })
  // A server would refuse (or silently rewrite) mail from an address it doesn't own: say so at
  // start, not in a retried step an hour later.
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, {
    message: "is required with SMTP_URL (the From of every mail)",
    path: ["MAIL_FROM"],
  })
  // Three of the four would either hide the button without a word or show one that fails at the
  // provider: say which is missing at start instead.
  .refine((e) => OIDC_KEYS.every((k) => e[k] === undefined) || OIDC_KEYS.every((k) => e[k]), {
    message: `${OIDC_KEYS.join(", ")} are set together or not at all`,
    path: ["OIDC_ISSUER"],
  });

function parseEnv(): Env {
  const parsed = ZCheckedEnvSchema.safeParse(process.env);
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
