import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/database/start-embedded-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const HOLDER = path.join(ROOT, "tests/db/fixtures/hold-embedded-database.ts");

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "grover-db-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedDatabase({ dataDir });
  cleanups.push(() => database.stop());
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type Held = { owned: boolean; url: string; one: number };

function holdInChild(dataDir: string): { child: ChildProcess; ready: Promise<Held> } {
  const child = spawn(TSX, [HOLDER, dataDir], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const ready = new Promise<Held>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve(JSON.parse(line) as Held),
    );
    child.once("exit", (code) => reject(new Error(`holder exited early (${code})`)));
  });
  return { child, ready };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: ROOT, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return exited(child).then((status) => ({ status, stdout, stderr }));
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once("exit", resolve));
}

describe("embedded database server", { timeout: 60_000 }, () => {
  it("serves on a local port other than 5432 and records it in server.json", async () => {
    const dataDir = tempDataDir();
    const database = await start(dataDir);
    const url = new URL(database.url);
    expect(database.owned).toBe(true);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.port).not.toBe("5432");

    const state = JSON.parse(readFileSync(path.join(dataDir, "pglite/server.json"), "utf8"));
    expect(state).toMatchObject({ pid: process.pid, port: Number(url.port) });
    // The contrib extensions the migrations need are loaded.
    await query(database.url, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const [trgm] = await query<{ similarity: number }>(
      database.url,
      "SELECT similarity('grover', 'grove') AS similarity",
    );
    expect(trgm?.similarity).toBeGreaterThan(0.5);

    await database.stop();
    expect(() => readFileSync(path.join(dataDir, "pglite/server.json"))).toThrow();
  });

  it("lets `npm run db:migrate` in another process attach to the running server", async () => {
    const dataDir = tempDataDir();
    const database = await start(dataDir);

    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    // Asynchronously: this process serves the database the child talks to.
    const migrate = await run(TSX, [path.join(ROOT, "scripts/db-migrate.ts")], env);
    expect(migrate.stderr).toBe("");
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain(
      `embedded database at ${database.url} (run by another process)`,
    );
    expect(migrate.stdout).toMatch(/applied {2}\d{14}_init/);

    // The other process detached without stopping this one's server; its migrations are here.
    const tables = await query<{ name: string }>(
      database.url,
      `SELECT to_regclass('"User"')::text AS name`,
    );
    expect(tables).toEqual([{ name: '"User"' }]);
  });

  it("lets two processes that start at once share one server", async () => {
    const dataDir = tempDataDir();
    const first = holdInChild(dataDir);
    const second = holdInChild(dataDir);
    const held = await Promise.all([first.ready, second.ready]);

    expect(held.map((h) => h.owned).sort()).toEqual([false, true]);
    expect(held[0]!.url).toBe(held[1]!.url);
    expect(held.every((h) => h.one === 1)).toBe(true);

    for (const { child } of [first, second]) child.stdin!.end();
    expect(await exited(first.child)).toBe(0);
    expect(await exited(second.child)).toBe(0);
  });

  it("replaces the state of a server whose process is gone", async () => {
    const dataDir = tempDataDir();
    const holder = holdInChild(dataDir);
    const before = await holder.ready;
    holder.child.kill("SIGKILL"); // no clean-up: server.json stays behind
    await exited(holder.child);

    const database = await start(dataDir);
    expect(database.owned).toBe(true);
    expect(database.url).not.toBe(before.url);
  });

  it("replaces the state of a live pid that does not serve its port (a reused pid)", async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const state = readFileSync(path.join(dataDir, "pglite/server.json"), "utf8");
    await first.stop();
    // Put back the state of the stopped server: its pid (ours) lives, its port answers no more.
    writeFileSync(path.join(dataDir, "pglite/server.json"), state);

    const database = await start(dataDir);
    expect(database.owned).toBe(true);
    expect(database.url).not.toBe(first.url);
  });
});
