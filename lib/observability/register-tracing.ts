// No `import "server-only"`: loaded by instrumentation.ts, outside the React server graph.
import { trace } from "@opentelemetry/api";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { registerOTel } from "@vercel/otel";

/**
 * OpenTelemetry for this process. Spans: Next's own for every route handler and page; Prisma's
 * for each query (prisma:client:operation, prisma:client:db_query, ...); outbound fetch
 * (UploadThing, the PayPal health probe) through @vercel/otel's fetch instrumentation; and
 * outbound node:http(s) calls (PayPal's SDKs) through the http instrumentation, which leaves
 * incoming requests to Next so they are not traced twice.
 *
 * Spans leave the process over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (with
 * OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf, the default, or http/json). Without it the tracer
 * still runs, so log lines carry trace ids and incoming `traceparent` headers are honoured;
 * OTEL_SDK_DISABLED=true turns all of it off.
 */
export function registerTracing(): void {
  if (process.env.OTEL_SDK_DISABLED === "true") return;
  const prisma = new PrismaInstrumentation();
  registerOTel({
    serviceName: process.env.OTEL_SERVICE_NAME || "grover",
    instrumentations: [
      "fetch",
      prisma,
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
    ],
  });
  // Prisma's instrumentation enables itself when constructed, keeping the tracer provider of the
  // @opentelemetry/api copy it loads (node_modules; this file's copy is bundled). That copy's
  // provider proxy never learns about the provider registered just now, so without this its
  // spans go nowhere: hand it the registered provider and enable it again.
  prisma.setTracerProvider(trace.getTracerProvider());
  prisma.enable();
}
