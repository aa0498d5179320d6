// Writes the OpenAPI document to a file (the first argument), for `npm run lint:openapi`.
// Run it under the react-server export condition (scripts/lint-openapi.sh does): the route
// modules import "server-only", whose default export throws outside a server build.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROUTE_MODULES } from "@/app/api/openapi.json/route-modules";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";

const out = process.argv[2];
if (!out) throw new Error("Usage: write-openapi-document.ts <file.json>");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(buildOpenApiDocument(ROUTE_MODULES), null, 2) + "\n");
