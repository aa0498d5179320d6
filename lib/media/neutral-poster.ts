import "server-only";
import sharp from "sharp";

const WIDTH = 1280;
const HEIGHT = 720;

/** A plain dark 16:9 frame with a play symbol: the poster of a video when ffmpeg is not there. */
export async function neutralPoster(): Promise<Buffer> {
  const play = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <circle cx="${WIDTH / 2}" cy="${HEIGHT / 2}" r="72" fill="#ffffff" fill-opacity="0.18"/>
      <path d="M ${WIDTH / 2 - 24} ${HEIGHT / 2 - 36} L ${WIDTH / 2 + 40} ${HEIGHT / 2} L ${WIDTH / 2 - 24} ${HEIGHT / 2 + 36} Z" fill="#ffffff" fill-opacity="0.85"/>
    </svg>`,
  );
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: "#1f2430" } })
    .composite([{ input: play }])
    .png()
    .toBuffer();
}
