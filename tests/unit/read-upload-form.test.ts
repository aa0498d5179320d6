import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// The streaming upload reader on its own, fed a body in two pieces cut at every position, as a
// network delivers it: a refusal must come out whole wherever the cut falls (a file destroyed
// between its last bytes arriving and being read once left the request hanging).

const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3];
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function inPieces(form: FormData, cut: number): Promise<Request> {
  const whole = new Request("http://app.test/", { method: "POST", body: form });
  const bytes = new Uint8Array(await whole.arrayBuffer());
  const pieces = [bytes.subarray(0, cut), bytes.subarray(cut)];
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return new Request("http://app.test/", {
    method: "POST",
    body,
    headers: { "content-type": whole.headers.get("content-type")! },
    duplex: "half",
  } as RequestInit);
}

async function read(req: Request) {
  const { readUploadForm } = await import("@/lib/media/read-upload-form");
  const dir = await mkdtemp(path.join(tmpdir(), "grover-read-upload-test-"));
  dirs.push(dir);
  return readUploadForm(req, dir);
}

describe("readUploadForm", () => {
  it("refuses a field after a file, wherever the body is cut", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PNG_START)]), "a.png");
    form.append("surprise", "yes");
    const length = (
      await new Request("http://app.test/", { method: "POST", body: form }).arrayBuffer()
    ).byteLength;
    for (let cut = 1; cut < length; cut += 5) {
      await expect(read(await inPieces(form, cut)), `cut at ${cut}`).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringMatching(/surprise/),
      });
    }
  }, 30_000);

  it("names the fifth file as the fault, whatever follows it in the same piece", async () => {
    const form = new FormData();
    for (let i = 0; i < 5; i++)
      form.append("file", new Blob([new Uint8Array(PNG_START)]), `${i}.png`);
    for (let i = 0; i < 5; i++) form.append("alt", "");
    const length = (
      await new Request("http://app.test/", { method: "POST", body: form }).arrayBuffer()
    ).byteLength;
    await expect(read(await inPieces(form, length))).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/At most 4 files/),
    });
  });

  it("keeps each file on disk with its type from its bytes", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PNG_START)], { type: "video/mp4" }), "a.mp4");
    form.append("alt", "a picture");
    const dir = await mkdtemp(path.join(tmpdir(), "grover-read-upload-test-"));
    dirs.push(dir);
    const { readUploadForm } = await import("@/lib/media/read-upload-form");
    const { files, alts } = await readUploadForm(await inPieces(form, 60), dir);
    expect(files).toMatchObject([
      { name: "a.mp4", size: PNG_START.length, type: { kind: "image" } },
    ]);
    expect(alts).toEqual(["a picture"]);
    expect(await readdir(dir)).toEqual(["file-0"]);
  });
});
