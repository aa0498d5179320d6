import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { servePglite } from "./serve-pglite";

// No `import "server-only"`: scripts run by tsx (db:migrate) import this file too.

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server (and so must keep running for others to use it). */
  owned: boolean;
  /** Stops the server if this process owns it; detaches otherwise. */
  stop: () => Promise<void>;
};

/** What `server.json` holds. `port` is null while the owner is still starting. */
type ServerState = { pid: number; instance: string; port: number | null; startedAt: number };

const WAIT_MS = 60_000;
const POLL_MS = 200;

/**
 * The embedded PostgreSQL (PGlite, data in `<dataDir>/pglite`) served on a local port.
 *
 * Only one process may open a PGlite data directory, so the first process to get here starts
 * the server and records `{ pid, port }` in `<dataDir>/pglite/server.json`; every later process
 * (`npm run db:migrate` while `next dev` runs, a test runner, a second Vitest worker) connects
 * to that port instead. The state file is created with O_EXCL, which makes it the lock: two
 * processes starting at once cannot both open the directory. A state file whose owner is dead,
 * or whose port refuses connections, is stale and replaced.
 */
export async function startEmbeddedDatabase({
  dataDir,
}: {
  dataDir: string;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, "pglite");
  const stateFile = path.join(dir, "server.json");
  mkdirSync(dir, { recursive: true });

  const deadline = Date.now() + WAIT_MS;
  let refusals = 0;
  while (Date.now() < deadline) {
    const state = readState(stateFile);
    if (state === "missing") {
      const mine: ServerState = {
        pid: process.pid,
        instance: randomUUID(),
        port: null,
        startedAt: Date.now(),
      };
      if (writeState(stateFile, mine, "wx")) return startOwned(dir, stateFile, mine);
      continue; // another process claimed it first: attach to it on the next turn
    }
    if (state === "unreadable") {
      // Being written right now, or left empty by a crash between creating and writing it.
      if (ageMs(stateFile) > 5_000) removeFile(stateFile);
      await sleep(POLL_MS);
      continue;
    }

    if (!isAlive(state.pid) || (state.port === null && Date.now() - state.startedAt > WAIT_MS)) {
      removeStateIfUnchanged(stateFile, state);
      continue;
    }
    if (state.port !== null) {
      const url = urlFor(state.port);
      const answer = await probe(url);
      if (answer === "ok") return { url, owned: false, stop: async () => {} };
      // Nobody listens on the recorded port although the pid lives: the pid was reused (a
      // container restarted with the same pid 1 and kept its volume). Give it a moment first.
      if (answer === "refused" && ++refusals >= 5) {
        removeStateIfUnchanged(stateFile, state);
        refusals = 0;
        continue;
      }
    }
    await sleep(POLL_MS);
  }
  const holder = readState(stateFile);
  throw new Error(
    `The embedded database in ${dir} is held by process ${typeof holder === "object" ? holder.pid : "?"}, ` +
      `which does not answer. Stop that process, or delete ${stateFile} if it is gone.`,
  );
}

async function startOwned(
  dir: string,
  stateFile: string,
  state: ServerState,
): Promise<EmbeddedDatabase> {
  // Removes the claim even when the process exits without stop() (Ctrl-C in `next dev`).
  const release = () => removeStateIfUnchanged(stateFile, state);
  process.once("exit", release);
  let db: PGlite | undefined;
  try {
    // Loaded lazily: PGlite's WebAssembly is only needed by the process that owns the data.
    // pg_trgm serves user search; citext is there for case-insensitive columns.
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { citext } = await import("@electric-sql/pglite/contrib/citext");
    db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm, citext } });
    const server = await servePglite(db);
    const running = { ...state, port: server.port };
    writeState(stateFile, running, "replace");
    const opened = db;
    let stopped: Promise<void> | undefined;
    return {
      url: urlFor(server.port),
      owned: true,
      stop: () =>
        (stopped ??= (async () => {
          // Give up the claim first, so nobody attaches to a server that is going away.
          removeStateIfUnchanged(stateFile, running);
          process.off("exit", release);
          await server.close();
          await opened.close();
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    process.off("exit", release);
    throw error;
  }
}

function urlFor(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** "ok" when a PostgreSQL answers `SELECT 1` at `url`. */
async function probe(url: string): Promise<"ok" | "refused" | "no answer"> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2_000,
    query_timeout: 5_000,
  });
  client.on("error", () => {}); // a late socket error must not crash the caller
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code === "ECONNREFUSED" ? "refused" : "no answer";
  } finally {
    await client.end().catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

function readState(file: string): ServerState | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "missing";
  }
  try {
    return JSON.parse(text) as ServerState;
  } catch {
    return "unreadable";
  }
}

/**
 * "wx": creates the state file only if there is none (false when there is one already).
 * "replace": swaps in the new content atomically, so readers never see it half-written.
 */
function writeState(file: string, state: ServerState, mode: "wx" | "replace"): boolean {
  const text = JSON.stringify(state);
  if (mode === "replace") {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  }
  try {
    writeFileSync(file, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return false;
    throw error;
  }
}

/** Removes the state file unless another process has replaced it since `seen` was read. */
function removeStateIfUnchanged(file: string, seen: ServerState): void {
  const current = readState(file);
  if (typeof current === "object" && current.instance === seen.instance) removeFile(file);
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
