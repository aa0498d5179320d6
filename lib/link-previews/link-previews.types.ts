import { z } from "zod";

export const ZLinkPreviewSchema = z
  .object({
    url: z.string().meta({ description: "The link, normalized (no fragment)." }),
    title: z.string(),
    description: z.string().nullable(),
    siteName: z.string().nullable(),
    imageUrl: z.string().nullable().meta({
      description: "The page's image, re-encoded and served by Grover (never the page's own URL).",
    }),
  })
  .meta({ id: "LinkPreview" });

export type TLinkPreview = z.infer<typeof ZLinkPreviewSchema>;
