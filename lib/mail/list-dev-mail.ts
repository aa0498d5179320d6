import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { devMailDir } from "./mail-transport";

// The summary mail-transport.ts writes beside each .eml in file mode.
const ZDevMailSchema = z.object({
  subject: z.string(),
  to: z.string(),
  date: z.string(),
  text: z.string(),
  links: z.array(z.string()),
});

export type DevMail = z.infer<typeof ZDevMailSchema> & { id: string };

// Ids are the file names mail-transport.ts makes: nothing with a slash or a dot reaches a path.
const ID = /^\d+-[0-9a-f]{8}$/;

/** One mail written in file mode, or null. */
export async function readDevMail(id: string): Promise<DevMail | null> {
  if (!ID.test(id)) return null;
  try {
    const raw = await readFile(path.join(devMailDir(), `${id}.json`), "utf8");
    return { id, ...ZDevMailSchema.parse(JSON.parse(raw)) };
  } catch {
    return null;
  }
}

/** Every mail written in file mode, newest first (for /dev/mail). */
export async function listDevMail(limit = 200): Promise<DevMail[]> {
  const names = await readdir(devMailDir()).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => ID.test(id))
    .sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]) || b.localeCompare(a))
    .slice(0, limit);
  const mails = await Promise.all(ids.map(readDevMail));
  return mails.filter((mail): mail is DevMail => mail !== null);
}
