import "server-only";
import { trace } from "@opentelemetry/api";
import pino from "pino";

// Keys whose values never reach a log line, at any of the first three levels of nesting
// (`headers.authorization`, `body.password`, `error.config.headers.cookie`, ...).
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "token",
  "accessToken",
  "refreshToken",
  "password",
  "passwordHash",
  "secret",
  "clientSecret",
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (k.startsWith("[") ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, join("*"), join("*.*")];
});

// Read directly (not through env()) so logging works even when the environment is invalid.
const LEVELS = new Set(["debug", "info", "warn", "error", "silent"]);
function level(): string {
  const wanted = process.env.LOG_LEVEL ?? "info";
  return LEVELS.has(wanted) ? wanted : "info";
}

/** The logger, writing to stdout unless given a destination (tests). */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: level(),
    base: undefined,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    // The active OpenTelemetry span, when there is one, ties a line to its trace.
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span && span.traceId !== "00000000000000000000000000000000"
        ? { traceId: span.traceId, spanId: span.spanId }
        : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

// One logger per process (Next's dev server re-evaluates modules on every change).
const KEY = Symbol.for("grover.logger");
type Store = { [KEY]?: pino.Logger };
function logger(): pino.Logger {
  const store = globalThis as Store;
  return (store[KEY] ??= createLogger());
}

type Fields = Record<string, unknown>;

/**
 * Structured JSON logs (pino), one object a line, with the trace id of the active span. Secret
 * fields (authorization, cookie, token, password, ...) are redacted, but don't pass them anyway.
 */
export const log = {
  debug: (message: string, fields?: Fields) => logger().debug(fields ?? {}, message),
  info: (message: string, fields?: Fields) => logger().info(fields ?? {}, message),
  warn: (message: string, fields?: Fields) => logger().warn(fields ?? {}, message),
  error: (message: string, fields?: Fields) => logger().error(fields ?? {}, message),
};
