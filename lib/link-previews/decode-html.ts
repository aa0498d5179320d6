import iconv from "iconv-lite";

// How many bytes a <meta charset> may be found in (the HTML standard's prescan looks at 1024).
const PRESCAN_BYTES = 1024;

/**
 * A page's bytes as text, in the encoding the page says it is in: a byte-order mark first, then
 * the Content-Type header's charset, then a <meta charset> or <meta http-equiv> in its first
 * 1024 bytes; UTF-8 when none says, or when what it says is unknown.
 */
export function decodeHtml(body: Buffer, headerCharset: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return iconv.decode(body.subarray(3), "utf-8");
  }
  if (body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), "utf-16be");
  if (body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), "utf-16le");
  const charset = [headerCharset, metaCharset(body)]
    .map((name) => (name && WINDOWS_1252.has(name) ? "windows-1252" : name))
    .find((name): name is string => !!name && iconv.encodingExists(name));
  return iconv.decode(body, charset ?? "utf-8");
}

// Browsers read these labels as windows-1252 (the Encoding Standard), and pages labelled so
// use its extra characters (curly quotes, the euro sign) expecting that.
const WINDOWS_1252 = new Set(["iso-8859-1", "latin1", "us-ascii", "ascii", "l1", "cp1252"]);

function metaCharset(body: Buffer): string | null {
  // Latin-1 maps every byte to one character, so ASCII markup reads the same in any encoding
  // an HTML page may declare itself in this way.
  const head = body.subarray(0, PRESCAN_BYTES).toString("latin1");
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}
