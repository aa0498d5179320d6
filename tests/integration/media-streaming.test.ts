// Uploads are streamed: an oversized file is refused while it arrives, not after the whole body
// has been read into memory, and a body that isn't valid multipart is 400. Sent with node:http,
// which (unlike fetch) reports the answer the moment it comes, however much is left to send.
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { api, randomLoopbackAddress, registerAndSignIn } from "@/tests/support/api-client";
import { plainPng } from "@/tests/support/media-fixtures";

type Answer = { status: number; body: string; sentWhenAnswered: number; total: number };

/**
 * POSTs a multipart body of one `file` part, `size` bytes starting with `start`, declared as
 * `type`, with an honest Content-Length: writes 256 KiB at a time, as fast as the server reads,
 * and stops writing as soon as an answer arrives.
 */
function sendLargeFile(token: string, start: Buffer, size: number, type: string): Promise<Answer> {
  const boundary = `grover${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + size + tail.length;
  const chunk = randomBytes(256 * 1024);
  const url = new URL("/api/media/upload", inject("baseURL"));

  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(total),
      },
      // Its own client address, apart from other tests' (rate limits are per address).
      localAddress: randomLoopbackAddress(),
    });
    req.on("response", (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered, total });
        req.destroy();
      });
    });
    // Once answered, the server may close the connection under the rest of the body.
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
      await write(head);
      await write(start);
      let left = size - start.length;
      while (left > 0 && !answered && !req.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        await write(piece);
        left -= piece.length;
      }
      if (!answered && !req.destroyed) req.end(tail);
    })();
  });
}

describe("POST /api/media/upload: streaming", () => {
  it("answers 413 for an image over its limit before the rest of the body is sent", async () => {
    const { token } = await registerAndSignIn();
    const { limits } = (await api("/api/media/status")).body;
    const png = await plainPng(64, 64);
    // Four times the image limit, and well under the whole request's cap: only the file's own
    // limit can refuse it, and it must do so once that limit is passed, not at the end.
    const answer = await sendLargeFile(token, png, limits.imageBytes * 4, "image/png");
    expect(answer.status).toBe(413);
    const { error } = JSON.parse(answer.body);
    expect(error).toMatchObject({
      code: "payload_too_large",
      details: { limitBytes: limits.imageBytes, file: 0 },
    });
    expect(error.message).toMatch(/image/);
    expect(answer.sentWhenAnswered).toBeLessThan(limits.imageBytes * 2);
  });

  it("holds a file to the limit of the type its bytes show, not the type it declares", async () => {
    const { token } = await registerAndSignIn();
    const { limits } = (await api("/api/media/status")).body;
    // Declared a video (the larger limit), but a PNG by its bytes: the image limit applies.
    const png = await plainPng(64, 64);
    const answer = await sendLargeFile(token, png, limits.imageBytes * 3, "video/mp4");
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.details.limitBytes).toBe(limits.imageBytes);
    expect(answer.sentWhenAnswered).toBeLessThan(limits.imageBytes * 2);
  });

  it("answers 415 from a file's first bytes, without reading the rest", async () => {
    const { token } = await registerAndSignIn();
    const { limits } = (await api("/api/media/status")).body;
    const text = Buffer.from("not an image at all, just words ".repeat(64));
    const answer = await sendLargeFile(token, text, limits.videoBytes, "image/jpeg");
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).error.code).toBe("unsupported_media_type");
    expect(answer.sentWhenAnswered).toBeLessThan(limits.videoBytes / 2);
  });

  it("answers 400 for a body that is not valid multipart", async () => {
    const { token } = await registerAndSignIn();
    const png = await plainPng(32, 32);
    const post = (type: string, body: Buffer) =>
      fetch(new URL("/api/media/upload", inject("baseURL")), {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": type,
        },
        body: new Uint8Array(body),
      });

    // The form ends in the middle of the file: no closing boundary.
    const cut = await post(
      "multipart/form-data; boundary=xyz",
      Buffer.concat([
        Buffer.from(
          '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n' +
            "Content-Type: image/png\r\n\r\n",
        ),
        png,
      ]),
    );
    expect(cut.status).toBe(400);
    expect((await cut.json()).error.code).toBe("bad_request");

    // Multipart without a boundary, and a part with no headers at all.
    const noBoundary = await post("multipart/form-data", png);
    expect(noBoundary.status).toBe(400);
    const garbage = await post(
      "multipart/form-data; boundary=xyz",
      Buffer.from("--xyz\r\nthis is not a header line\r\n\r\nhello\r\n--xyz--\r\n"),
    );
    expect(garbage.status).toBe(400);
  });

  it("refuses an unknown field and a text `file` part with 400", async () => {
    const { token } = await registerAndSignIn();
    const png = await plainPng(16, 16);
    const withExtra = new FormData();
    withExtra.append("file", new Blob([new Uint8Array(png)]), "a.png");
    withExtra.append("surprise", "yes");
    const extra = await api("/api/media/upload", { method: "POST", token, body: withExtra });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/surprise/);

    const textFile = new FormData();
    textFile.append("file", "just text");
    const text = await api("/api/media/upload", { method: "POST", token, body: textFile });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/text, not a file/);
  });
});
