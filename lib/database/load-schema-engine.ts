import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

// Development tooling (the migration generator and its tests); never loaded by the app.

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

// wasm-bindgen keeps the instance in a module-level variable: instantiate once per process.
const KEY = Symbol.for("grover.schemaEngineWasm");
type Store = { [KEY]?: Promise<Glue> };

/**
 * Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), talking to the
 * database through `adapter` (its native binary cannot be downloaded here).
 */
export async function loadSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const store = globalThis as Store;
  const glue = await (store[KEY] ??= instantiate());
  return glue.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

async function instantiate(): Promise<Glue> {
  // The package's entry imports the .wasm file as an ES module, which needs
  // `node --experimental-wasm-modules`. Instantiating the bytes here needs no flag.
  const gluePath = createRequire(import.meta.url).resolve(
    "@prisma/schema-engine-wasm/schema_engine_bg",
  );
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}
