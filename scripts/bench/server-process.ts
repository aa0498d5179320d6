// The production server as the Dockerfile runs it (the standalone build, same heap cap), started
// by the benchmark: once to serve the requests it measures, once more as the events worker.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

// Keep in step with NODE_OPTIONS in the Dockerfile.
const SERVER_NODE_OPTIONS = ["--max-old-space-size=256"];

export type ServerProcess = {
  base: string;
  child: ChildProcess;
  /** The highest resident memory seen so far, server and children, in MB. */
  peakRss: () => number;
  stop: () => void;
};

export async function startServerProcess(options: {
  port: number;
  log: string;
  env: Record<string, string>;
}): Promise<ServerProcess> {
  const base = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.log);
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, "server.js"], {
    cwd: ".next/standalone",
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(child.pid!))), 500);
  const stop = () => {
    clearInterval(sampler);
    child.kill("SIGTERM");
  };
  try {
    await waitForHealth(base, options.log);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, child, peakRss: () => peak, stop };
}

async function waitForHealth(base: string, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not become healthy in 120 s (see ${log}).`);
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
function residentMb(pid: number): number {
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)]).stdout.toString();
  const pids = [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
  let kb = 0;
  for (const p of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // Exited between ps and the read.
    }
  }
  return Math.round(kb / 1024);
}
