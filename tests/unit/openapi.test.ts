import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_MODULES, UNDOCUMENTED_HANDLERS } from "@/app/api/openapi.json/route-modules";
import { API_TAGS } from "@/lib/api/openapi/api-tags";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { isRouteHandler } from "@/lib/api/openapi/is-route-handler";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

// app/api/users/[id]/follow/route.ts -> /api/users/{id}/follow
function openApiPathOf(file: string): string {
  return (
    "/" +
    path
      .dirname(file)
      .replace(/^app\//, "")
      .replace(/\[([^\]]+)\]/g, "{$1}")
  );
}

describe("OpenAPI document", () => {
  const files = routeFiles("app/api").map((f) => path.relative(".", f));
  const document = buildOpenApiDocument(ROUTE_MODULES);

  // A file is either ours (in ROUTE_MODULES) or wholly someone else's protocol (next-auth).
  it("lists every route file in ROUTE_MODULES", () => {
    const missing = files.filter(
      (file) =>
        !(file in ROUTE_MODULES) && !METHODS.some((m) => UNDOCUMENTED_HANDLERS.has(`${file} ${m}`)),
    );
    expect(missing).toEqual([]);
  });

  it("describes every exported handler at its file's path and method", async () => {
    const undescribed: string[] = [];
    for (const file of files) {
      const routeModule = ROUTE_MODULES[file] ?? (await import(`@/${file}`));
      for (const method of METHODS) {
        const handler = routeModule[method];
        if (!handler || UNDOCUMENTED_HANDLERS.has(`${file} ${method}`)) continue;
        const documented = document.paths?.[openApiPathOf(file)]?.[method.toLowerCase() as "get"];
        if (!isRouteHandler(handler) || handler.spec.method !== method || !documented) {
          undescribed.push(`${method} ${openApiPathOf(file)}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it("is OpenAPI 3.1 with the error shape as a component", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.schemas).toHaveProperty("Error");
    expect(document.paths?.["/api/auth/register"]?.post?.requestBody).toBeDefined();
  });

  it("describes uploads as multipart/form-data", () => {
    const body = document.paths?.["/api/media/upload"]?.post?.requestBody;
    expect(body).toMatchObject({
      content: { "multipart/form-data": { schema: expect.anything() } },
    });
  });

  it("documents Idempotency-Key on the writes a client retries, and only there", () => {
    const keyed = (path: string, method: "get" | "post") =>
      (document.paths?.[path]?.[method]?.parameters ?? []).some(
        (p) => "in" in p && p.in === "header" && p.name === "idempotency-key",
      );
    for (const path of ["/api/posts", "/api/payments/create", "/api/payments/payout"]) {
      expect(keyed(path, "post"), path).toBe(true);
      expect(document.paths?.[path]?.post?.responses).toHaveProperty("409");
      expect(document.paths?.[path]?.post?.responses).toHaveProperty("422");
    }
    expect(keyed("/api/payments/payout", "get")).toBe(false);
    expect(keyed("/api/payments/execute", "post")).toBe(false);
  });

  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = item[m.toLowerCase() as "get"];
      return op ? [{ name: `${m} ${path}`, op }] : [];
    }),
  );
  const specs = Object.values(ROUTE_MODULES)
    .flatMap((routeModule) => Object.values(routeModule))
    .filter(isRouteHandler)
    .map((handler) => handler.spec);

  // Code generators name client methods after operationIds and group them by tag.
  it("gives every operation a unique operationId and a tag described at the top level", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][a-zA-Z]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const described = new Map(document.tags?.map((tag) => [tag.name, tag.description]));
    expect(API_TAGS.every((tag) => described.get(tag.name) === tag.description)).toBe(true);
    const untagged = operations.filter(
      ({ op }) => !op.tags?.length || op.tags.some((tag) => !described.get(tag)),
    );
    expect(untagged.map(({ name }) => name)).toEqual([]);
  });

  it("names 201 Created and documents X-Request-Id and Retry-After", () => {
    expect(document.paths?.["/api/posts"]?.post?.responses?.["201"]).toMatchObject({
      description: "Created",
    });
    const requestId = { $ref: "#/components/headers/RequestId" };
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        expect(response, `${name} ${status}`).toMatchObject({
          headers: { "X-Request-Id": requestId },
        });
        if (status === "429" || status === "503") {
          expect(response, `${name} ${status}`).toMatchObject({
            headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
          });
        }
      }
    }
    expect(document.components?.headers).toHaveProperty("RequestId");
    expect(document.components?.headers).toHaveProperty("RetryAfter");
  });

  it("shows an example of every request body, and each example is valid", () => {
    for (const spec of specs) {
      const schema = spec.body ?? spec.multipart;
      const name = `${spec.method} ${spec.path}`;
      if (!schema) {
        expect(spec.bodyExample, name).toBeUndefined();
        continue;
      }
      expect(spec.bodyExample, name).toBeDefined();
      expect(schema.safeParse(spec.bodyExample).error, name).toBeUndefined();
    }
  });

  // Clients generated from the document (openapi-typescript, Prism's validation) refused a
  // single file: the schema only allowed an array, though the server reads one `file` part fine.
  it("accepts one file or several in an upload", () => {
    const form = document.components?.schemas?.UploadMediaForm as {
      properties: { file: { anyOf: Array<{ type: string; format?: string }> } };
    };
    expect(form.properties.file.anyOf).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "string", format: "binary" }),
        expect.objectContaining({ type: "array" }),
      ]),
    );
  });
});
