// What uploads cost the server in memory: starts the built app (as the integration tests do),
// samples its resident memory (VmRSS of the `next start` process and any children, from /proc)
// every 20 ms while it sends uploads, and prints each scenario's peak growth over the memory
// just before it. Not a test: the figures go into the README.
//
//   npm run build && npx tsx tests/perf/measure-upload-memory.ts
//
// DATABASE_URL (a local PostgreSQL) is used when set, as by the tests; otherwise the embedded one.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import sharp from "sharp";
import { createApiClient, randomClientIp } from "../support/api-client";
import { startTestServer } from "../support/start-test-server";

const MB = 1_000_000;
const MiB = 1024 * 1024;

/** Resident memory of one process, in bytes (0 once it has ended). */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** A process's descendants (ffmpeg and ffprobe, for videos). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/).map(Number) : []) {
        found.push(child, ...descendants(child));
      }
    }
  } catch {
    // The process ended between reads.
  }
  return found;
}

type Sample = { server: number; withTools: number };

function sample(pid: number): Sample {
  const server = rssOf(pid);
  return { server, withTools: server + descendants(pid).reduce((sum, p) => sum + rssOf(p), 0) };
}

/**
 * Runs `work` while sampling; answers the peak growth over the memory at the start, of the
 * server process alone and with the tools it runs.
 */
async function peakGrowth<T>(pid: number, work: () => Promise<T>) {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const before = sample(pid);
  const peak = { ...before };
  const timer = setInterval(() => {
    const now = sample(pid);
    peak.server = Math.max(peak.server, now.server);
    peak.withTools = Math.max(peak.withTools, now.withTools);
  }, 20);
  const started = Date.now();
  try {
    const result = await work();
    return { before, peak, ms: Date.now() - started, result };
  } finally {
    clearInterval(timer);
  }
}

type Part = { name: string; type: string; bytes?: Buffer; size?: number; start?: Buffer };

/**
 * POSTs a multipart upload over node:http with an honest Content-Length: parts given as bytes,
 * or as `size` bytes of random data after `start`, written 256 KiB at a time as the server reads
 * them, stopping as soon as it answers. Answers the status and how much had been sent by then.
 */
function send(baseURL: string, token: string, parts: Part[]) {
  const boundary = `measure${randomBytes(8).toString("hex")}`;
  const heads = parts.map((part) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.name}"\r\n` +
        `Content-Type: ${part.type}\r\n\r\n`,
    ),
  );
  const sizeOf = (part: Part) => part.bytes?.length ?? part.size ?? 0;
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total =
    heads.reduce((sum, head, i) => sum + head.length + sizeOf(parts[i]!) + 2, 0) + tail.length - 2;
  const chunk = randomBytes(256 * 1024);

  return new Promise<{ status: number; sent: number; total: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(new URL("/api/media/upload", baseURL), {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(total),
        "x-forwarded-for": randomClientIp(),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const at = sent;
      res.resume();
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, sent: at, total });
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = (bytes: Buffer) =>
      new Promise<void>((done) => {
        sent += bytes.length;
        if (req.write(bytes)) done();
        else req.once("drain", done);
      });
    void (async () => {
      for (const [i, part] of parts.entries()) {
        if (answered || req.destroyed) return;
        await write(i === 0 ? heads[i]! : Buffer.concat([Buffer.from("\r\n"), heads[i]!]));
        if (part.bytes) {
          await write(part.bytes);
          continue;
        }
        if (part.start) await write(part.start);
        let left = sizeOf(part) - (part.start?.length ?? 0);
        while (left > 0 && !answered && !req.destroyed) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          await write(piece);
          left -= piece.length;
        }
      }
      if (!answered && !req.destroyed) req.end(tail);
    })();
  });
}

/**
 * A JPEG at the pixel limit and near the byte limit: 7,000 x 7,000 (49 MP) of fine noise, as
 * much as the limits let one upload make the server decode.
 */
async function maximumImage(maxBytes: number): Promise<Buffer> {
  const side = 7_000;
  const noise = await sharp({
    create: {
      width: 1_750,
      height: 1_750,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  for (const quality of [80, 70, 60, 50, 40, 30, 20]) {
    const jpeg = await sharp(noise)
      .resize(side, side, { kernel: "nearest" })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length <= maxBytes) return jpeg;
  }
  throw new Error("Could not make a JPEG under the image limit.");
}

const mp4Start = () => {
  // An `ftyp` box naming MP4 brands: the bytes say "video".
  const box = Buffer.alloc(32);
  box.writeUInt32BE(32, 0);
  box.write("ftypisom", 4, "latin1");
  box.write("isomiso2avc1mp41", 16, "latin1");
  return box;
};

type Scenario = {
  label: string;
  run: (baseURL: string, token: string) => Promise<{ status: number; sent: number }[]>;
};

/** Each scenario on a fresh server, so one's high-water mark doesn't hide the next one's cost. */
async function measure({ label, run }: Scenario): Promise<string[]> {
  const server = await startTestServer({ name: "measure-upload-memory" });
  try {
    const { token } = await createApiClient(server.baseURL).registerAndSignIn();
    // Warm up: the first upload loads sharp, the route and its database connections.
    const small = await sharp({
      create: { width: 64, height: 64, channels: 3, background: "#888" },
    })
      .png()
      .toBuffer();
    await send(server.baseURL, token, [{ name: "warm.png", type: "image/png", bytes: small }]);

    const measured = await peakGrowth(server.pid, () => run(server.baseURL, token));
    const answers = measured.result;
    return [
      label,
      answers.map((a) => a.status).join(" "),
      answers.map((a) => (a.sent / MB).toFixed(1)).join(" "),
      (measured.before.server / MB).toFixed(0),
      (measured.peak.server / MB).toFixed(0),
      ((measured.peak.server - measured.before.server) / MB).toFixed(0),
      ((measured.peak.withTools - measured.before.withTools) / MB).toFixed(0),
      String(measured.ms),
    ];
  } finally {
    await server.stop();
  }
}

async function main() {
  const uploadDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith("grover-upload-"));
  const dirsBefore = new Set(uploadDirs());
  // The defaults of lib/config.ts (the servers run with them).
  const imageBytes = 15 * MiB;
  const image = await maximumImage(imageBytes);
  const meta = await sharp(image).metadata();

  const oversized = (baseURL: string, token: string) =>
    send(baseURL, token, [
      { name: "big.mp4", type: "video/mp4", size: 180 * MB, start: mp4Start() },
    ]);
  const scenarios: Scenario[] = [
    {
      label: "one 180 MB video upload (over the 50 MiB limit)",
      run: async (baseURL, token) => [await oversized(baseURL, token)],
    },
    {
      label: "three 180 MB video uploads at once",
      run: (baseURL, token) => Promise.all([1, 2, 3].map(() => oversized(baseURL, token))),
    },
    {
      label: "one 190 MB upload: four 47.5 MB files of random bytes",
      run: async (baseURL, token) => [
        await send(
          baseURL,
          token,
          Array.from({ length: 4 }, (_, i) => ({
            name: `part${i}.mp4`,
            type: "video/mp4",
            size: 47.5 * MB,
            start: mp4Start(),
          })),
        ),
      ],
    },
    {
      label: `four ${(image.length / MiB).toFixed(1)} MiB ${meta.width}x${meta.height} JPEGs at once`,
      run: (baseURL, token) =>
        Promise.all(
          [1, 2, 3, 4].map(() =>
            send(baseURL, token, [{ name: "max.jpg", type: "image/jpeg", bytes: image }]),
          ),
        ),
    },
  ];
  const rows: string[][] = [];
  for (const scenario of scenarios) rows.push(await measure(scenario));

  const header = [
    "scenario",
    "status",
    "MB sent when answered",
    "server RSS before MB",
    "peak MB",
    "growth MB",
    "growth with ffmpeg/ffprobe MB",
    "ms",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const row of rows) console.log(line(row));
  const left = uploadDirs().filter((name) => !dirsBefore.has(name));
  console.log(`\ntemporary upload directories left behind: ${left.length}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
