import { Writable } from "node:stream";
import { context, trace, TraceFlags } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("lib/log", () => {
  it("writes one JSON object a line with time, level and message", () => {
    const { logger, lines } = capture();
    logger.info({ requestId: "r-1", status: 200 }, "request");
    expect(lines[0]).toMatchObject({ level: "info", message: "request", requestId: "r-1" });
    expect(new Date(String(lines[0]!.time)).getTime()).not.toBeNaN();
  });

  it("redacts credentials wherever they sit in the first levels", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: "hunter2",
        token: "t0ken",
        headers: { authorization: "Bearer abc", cookie: "sid=1", "set-cookie": "x" },
        body: { user: { password: "deep" } },
      },
      "oops",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["hunter2", "t0ken", "Bearer abc", "sid=1", "deep"]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ password: "[redacted]", headers: { cookie: "[redacted]" } });
  });

  it("adds the active span's trace id", () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const { logger, lines } = capture();
    const spanContext = {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: TraceFlags.SAMPLED,
    };
    context.with(trace.setSpanContext(context.active(), spanContext), () => logger.info("inside"));
    expect(lines[0]).toMatchObject({ traceId: spanContext.traceId, spanId: spanContext.spanId });
    context.disable();
  });
});
