import type { Metadata } from "next";
import { ROUTE_MODULES } from "@/app/api/openapi.json/route-modules";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { CodeSpans } from "./code-spans";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;
const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

/**
 * A JSON block. It scrolls sideways, so it takes focus (tabIndex) for keyboard users to scroll
 * it, and a name to say what it holds when focus lands on it.
 */
function Schema({ schema, label }: { schema: unknown; label: string }) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className="overflow-x-auto rounded bg-stone-900 p-3 text-xs text-stone-100"
    >
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

/** A readable rendering of /api/openapi.json, built from the same document. */
export default function ApiReferencePage() {
  const document = buildOpenApiDocument(ROUTE_MODULES);
  const paths = Object.entries(document.paths ?? {}) as [string, Json][];
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Grover API reference</h1>
        <p className="text-stone-700">
          <CodeSpans text={document.info.description ?? ""} />
        </p>
        <p>
          Machine-readable:{" "}
          <a className="text-brand-700 underline" href="/api/openapi.json">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      {paths.map(([path, item]) =>
        Object.entries(item).map(([method, raw]) => {
          const op = raw as Json & {
            summary?: string;
            description?: string;
            parameters?: Json[];
            requestBody?: Json;
            responses?: Json;
          };
          const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
          return (
            <section
              key={id}
              aria-labelledby={id}
              className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
            >
              <h2 id={id} className="flex flex-wrap items-center gap-2 font-mono text-sm">
                <span
                  className={`rounded px-2 py-0.5 font-bold uppercase ${METHOD_COLOURS[method] ?? ""}`}
                >
                  {method}
                </span>
                <span className="break-all">{path}</span>
              </h2>
              <p className="font-medium">{op.summary}</p>
              {op.description ? (
                <p className="text-sm text-stone-700">
                  <CodeSpans text={op.description} />
                </p>
              ) : null}
              {op.parameters?.length ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Parameters</summary>
                  <Schema
                    schema={op.parameters}
                    label={`Parameters of ${method.toUpperCase()} ${path}`}
                  />
                </details>
              ) : null}
              {op.requestBody ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Request body</summary>
                  <Schema
                    schema={op.requestBody}
                    label={`Request body of ${method.toUpperCase()} ${path}`}
                  />
                </details>
              ) : null}
              <details>
                <summary className="cursor-pointer text-sm font-medium">
                  Responses: {Object.keys(op.responses ?? {}).join(", ")}
                </summary>
                <Schema
                  schema={op.responses}
                  label={`Responses of ${method.toUpperCase()} ${path}`}
                />
              </details>
            </section>
          );
        }),
      )}
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-xl font-bold">
          Schemas
        </h2>
        <Schema schema={document.components?.schemas} label="Schemas" />
      </section>
    </article>
  );
}
