import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { parseRange } from "@/lib/media/serve-local-file";

describe("detectMediaType", () => {
  it("reads the type from the bytes", async () => {
    const image = sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } });
    expect(detectMediaType(await image.clone().jpeg().toBuffer()).mimeType).toBe("image/jpeg");
    expect(detectMediaType(await image.clone().png().toBuffer()).mimeType).toBe("image/png");
    expect(detectMediaType(await image.clone().webp().toBuffer()).mimeType).toBe("image/webp");
    expect(detectMediaType(await image.clone().gif().toBuffer()).mimeType).toBe("image/gif");
    expect(detectMediaType(await image.clone().avif().toBuffer()).mimeType).toBe("image/avif");
    const mp4 = Buffer.from("\0\0\0\x18ftypisom\0\0\x02\0isomiso2avc1mp41", "latin1");
    expect(detectMediaType(mp4)).toEqual({ kind: "video", mimeType: "video/mp4" });
    const webm = Buffer.from(
      "\x1aE\xdf\xa3\x9fB\x86\x81\x01B\xf7\x81\x01B\xf2\x81\x04B\xf3\x81\x08B\x82\x84webm",
      "latin1",
    );
    expect(detectMediaType(webm)).toEqual({ kind: "video", mimeType: "video/webm" });
  });

  it.each([
    ["text", Buffer.from("hello, I am a .jpg")],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a QuickTime movie", Buffer.from("\0\0\0\x14ftypqt  \0\0\x02\0qt  ", "latin1")],
    ["HEIC", Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic", "latin1")],
    ["Matroska", Buffer.from("\x1aE\xdf\xa3\x9fB\x82\x88matroska", "latin1")],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s with 415", (_label, bytes) => {
    try {
      detectMediaType(bytes);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(415);
    }
  });
});

describe("parseRange", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=50-10", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=0-1,5-9", null],
    ["items=0-1", null],
  ] as const)("%s of 1000 bytes", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe("processVideo without ffmpeg", () => {
  beforeAll(() => {
    process.env.FFMPEG_PATH = "off";
    process.env.FFPROBE_PATH = "off";
  });

  it("stores the video as sent with a neutral poster", async () => {
    const { processVideo } = await import("@/lib/media/process-video");
    const bytes = Buffer.from(
      "\0\0\0\x18ftypisom\0\0\x02\0isomiso2avc1mp41 not really a video",
      "latin1",
    );
    const video = await processVideo(bytes, "mp4");
    expect(video.video.equals(bytes)).toBe(true);
    expect(video.duration).toBeNull();
    expect([video.width, video.height]).toEqual([1280, 720]);
    expect((await sharp(video.poster.display).metadata()).format).toBe("webp");
    expect(video.poster.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
  });
});
