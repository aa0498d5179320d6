// Runs `prisma generate` on machines where the Prisma CLI cannot download its schema-engine
// binary. Generating the client (Prisma 7, driver adapters) never starts that engine, but the CLI
// still insists on finding one on disk first; any existing file satisfies the check, so point it
// at this script unless the caller chose a real engine.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
