// Real media bytes for tests, made on the spot: photos with EXIF orientation and GPS, a
// decompression bomb, truncated and disguised files, and short videos from ffmpeg's test source.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import sharp from "sharp";

/**
 * A 300 x 200 JPEG, red on the left half and blue on the right, as a phone held sideways writes
 * it: EXIF orientation 6 (show it turned 90 degrees clockwise, so 200 x 300 with red on top),
 * the camera's make and a GPS position.
 */
export async function phonePhoto(): Promise<Buffer> {
  const red = await sharp({
    create: { width: 150, height: 200, channels: 3, background: "#ff0000" },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: 300, height: 200, channels: 3, background: "#0000ff" } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Pocket 1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 29/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 17/1 40/1",
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function plainPng(width = 640, height = 480, color = "#33aa55"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid 1-bit greyscale PNG of `side` x `side` black pixels: tens of kilobytes on the wire,
 * 400 million pixels once decoded. Written directly (sharp takes ~20 s to encode one).
 */
export function pngBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  // Every row: filter byte 0, then side/8 bytes of zeros.
  const raw = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** ffmpeg on the PATH (Debian's package; scripts/install-test-deps.sh installs it). */
export const hasFfmpeg = spawnSync("ffmpeg", ["-version"], { stdio: "ignore" }).status === 0;

/**
 * A one-second 320 x 240 test-pattern video with a tone, tagged with a GPS location the way
 * phones tag theirs (ISO 6709 in the `location` tag), made with ffmpeg.
 */
export async function testVideo(format: "mp4" | "webm"): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "grover-test-video-"));
  const out = path.join(dir, `clip.${format}`);
  // use_metadata_tags: the location goes in as QuickTime metadata keys, as phones store it.
  const codecs = (
    format === "mp4"
      ? "-c:v libx264 -pix_fmt yuv420p -preset ultrafast -c:a aac -movflags use_metadata_tags"
      : "-c:v libvpx -deadline realtime -b:v 200k -c:a libvorbis"
  ).split(" ");
  try {
    await promisify(execFile)(
      "ffmpeg",
      [
        ...["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15:duration=1"],
        ...["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-shortest"],
        ...codecs,
        ...["-metadata", "location=+48.8577+002.2950/", "-metadata", "title=secret place"],
        "-y",
        out,
      ],
      { timeout: 60_000 },
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
