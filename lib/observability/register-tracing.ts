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
 * Spans are made and sent over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, with OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf, the
 * default, or http/json; OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG sample them. Without an
 * endpoint nothing is registered and the OpenTelemetry API stays a no-op: the benchmark measured
 * the spans nobody would receive at about a third of the CPU time of a feed request (Next's
 * spans about 1.3 ms a request, Prisma's several per query). Log lines then carry the request
 * id but no trace id. OTEL_SDK_DISABLED=true turns tracing off even with an endpoint.
 */
export function registerTracing(): void {
  if (process.env.OTEL_SDK_DISABLED === "true") return;
  const exporting =
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!exporting) return;
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
