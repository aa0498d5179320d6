import "server-only";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { neutralPoster } from "./neutral-poster";
import { type ImageVariants, processImage } from "./process-image";
import { runTool, ToolMissingError } from "./run-tool";

const PROBE_TIMEOUT_MS = 15_000;
const REMUX_TIMEOUT_MS = 60_000;
const POSTER_TIMEOUT_MS = 30_000;
const POSTER_MAX_PIXELS = 100_000_000;

export type ProcessedVideo = {
  video: Buffer;
  width: number;
  height: number;
  duration: number | null;
  poster: ImageVariants;
};

type Probe = { width: number; height: number; duration: number | null };

type ProbeStream = {
  codec_type?: string;
  width?: number;
  height?: number;
  duration?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
};

const unreadable = () =>
  new ApiError("unprocessable", "The video could not be read: the file is truncated or corrupt.");

async function probe(file: string): Promise<Probe> {
  const { FFPROBE_PATH } = env();
  const args = ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", file];
  let output: { streams?: ProbeStream[]; format?: { duration?: string } };
  try {
    output = JSON.parse((await runTool(FFPROBE_PATH, args, PROBE_TIMEOUT_MS)).stdout.toString());
  } catch (error) {
    if (error instanceof ToolMissingError) throw error;
    throw unreadable();
  }
  const stream = output.streams?.find((s) => s.codec_type === "video");
  if (!stream?.width || !stream.height) throw unreadable();
  // Phones record portrait video as landscape frames plus a rotation: report what is shown.
  const rotation = Number(
    stream.side_data_list?.find((d) => d.rotation)?.rotation ?? stream.tags?.rotate ?? 0,
  );
  const sideways = Math.abs(rotation) % 180 === 90;
  const duration = Number(output.format?.duration ?? stream.duration);
  return {
    width: sideways ? stream.height : stream.width,
    height: sideways ? stream.width : stream.height,
    duration: Number.isFinite(duration) && duration > 0 ? duration : null,
  };
}

/** The same streams in a fresh container with no metadata (phones write GPS into videos too). */
async function remux(input: string, output: string, format: "mp4" | "webm"): Promise<Buffer> {
  const args = ["-v", "error", "-i", input, "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy"];
  args.push("-map_metadata", "-1", "-map_chapters", "-1");
  if (format === "mp4") args.push("-movflags", "+faststart");
  args.push("-f", format, "-y", output);
  try {
    await runTool(env().FFMPEG_PATH, args, REMUX_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof ToolMissingError) throw error;
    throw unreadable();
  }
  return readFile(output);
}

async function posterFrame(
  input: string,
  output: string,
  duration: number | null,
): Promise<Buffer> {
  // A moment in, past a fade from black, but never past the end of a short clip.
  const at = duration ? Math.min(1, duration / 2) : 0;
  const args = ["-v", "error", "-ss", at.toFixed(3), "-i", input, "-frames:v", "1"];
  args.push("-f", "image2", "-c:v", "png", "-y", output);
  await runTool(env().FFMPEG_PATH, args, POSTER_TIMEOUT_MS);
  return readFile(output);
}

/**
 * Checks a video with ffprobe, strips its metadata by copying its streams into a new container,
 * and takes a poster frame, all with ffmpeg run on a temporary file (`source` itself when it is a
 * path: uploads arrive on disk). Without ffmpeg the video is stored as sent, with a neutral
 * poster and the poster's size as its size.
 */
export async function processVideo(
  source: Uint8Array | string,
  format: "mp4" | "webm",
): Promise<ProcessedVideo> {
  const dir = await mkdtemp(path.join(tmpdir(), "grover-video-"));
  const input = typeof source === "string" ? source : path.join(dir, `input.${format}`);
  try {
    if (typeof source !== "string") await writeFile(input, source);
    let info: Probe | null = null;
    let video: Buffer | null = null;
    let posterBytes: Buffer | null = null;
    try {
      info = await probe(input);
      video = await remux(input, path.join(dir, `output.${format}`), format);
      posterBytes = await posterFrame(input, path.join(dir, "poster.png"), info.duration).catch(
        (error: unknown) => {
          log.warn("video poster frame failed; using a neutral poster", { error });
          return null;
        },
      );
    } catch (error) {
      if (!(error instanceof ToolMissingError)) throw error;
      log.warn("ffmpeg/ffprobe not available: video stored as sent, with a neutral poster");
    }
    const poster = await processImage(posterBytes ?? (await neutralPoster()), POSTER_MAX_PIXELS);
    return {
      video: video ?? (typeof source === "string" ? await readFile(source) : Buffer.from(source)),
      width: info?.width ?? poster.width,
      height: info?.height ?? poster.height,
      duration: info?.duration ?? null,
      poster,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
