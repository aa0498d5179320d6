import { z } from "zod";

// The kinds of mail a user can switch on or off, each with its group and default. Mail about
// money is on by default (a record of money moving); social mail is off by default (nobody
// signed up to be mailed every follow). Account and security mail (password reset, address
// verification, "your export is ready", which answers the user's own request) has no kind here:
// it is always sent. No "server-only": the settings page lists these too.

export const EMAIL_KINDS = ["receipts", "payments_received", "payouts", "new_follower"] as const;

export type TEmailKind = (typeof EMAIL_KINDS)[number];
export type TEmailKindGroup = "money" | "social";

export const EMAIL_KIND_GROUP: Record<TEmailKind, TEmailKindGroup> = {
  receipts: "money",
  payments_received: "money",
  payouts: "money",
  new_follower: "social",
};

const GROUP_DEFAULT: Record<TEmailKindGroup, boolean> = { money: true, social: false };

/** Whether a kind is mailed to someone who never changed it. */
export function emailKindDefault(kind: TEmailKind): boolean {
  return GROUP_DEFAULT[EMAIL_KIND_GROUP[kind]];
}

export const ZEmailKindSchema = z.enum(EMAIL_KINDS).meta({ id: "EmailKind" });

/** Every kind, on (true) or off: the stored choices over the defaults. */
export const ZEmailKindsSchema = z
  .object(
    Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<
      TEmailKind,
      z.ZodBoolean
    >,
  )
  .meta({
    id: "EmailKinds",
    description:
      "Which mail to send, by kind. Money mail (`receipts`, `payments_received`: tips and sales, `payouts`) is on by default, social mail (`new_follower`) off. Account and security mail (password reset, export ready) is always sent.",
  });

/** Some kinds switched on or off; kinds not named stay as they are. */
export const ZEmailKindsPatchSchema = ZEmailKindsSchema.partial()
  .strict()
  .meta({ id: "EmailKindsPatch" });

export type TEmailKinds = z.infer<typeof ZEmailKindsSchema>;
export type TEmailKindsPatch = z.infer<typeof ZEmailKindsPatchSchema>;

/** The stored choices (a JSON object; anything unknown in it ignored) over the defaults. */
export function resolveEmailKinds(stored: unknown): TEmailKinds {
  const choices = (typeof stored === "object" && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(
    EMAIL_KINDS.map((kind) => {
      const choice = choices[kind];
      return [kind, typeof choice === "boolean" ? choice : emailKindDefault(kind)];
    }),
  ) as TEmailKinds;
}

/** How the settings page and the unsubscribe page name each kind. */
export const EMAIL_KIND_LABELS: Record<TEmailKind, string> = {
  receipts: "Receipts for my payments",
  payments_received: "Tips and sales of my posts",
  payouts: "Payouts sent or failed",
  new_follower: "New followers",
};
