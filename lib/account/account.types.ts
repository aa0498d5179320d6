import { z } from "zod";
import { ZEmailSchema, ZPasswordSchema } from "@/lib/users/users.types";

export const ZSessionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["web", "api"]).meta({ description: "A web sign-in or an API bearer token." }),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    current: z.boolean().meta({ description: "This is the session making the request." }),
  })
  .meta({ id: "Session" });

export const ZSessionListSchema = z
  .object({ items: z.array(ZSessionSchema) })
  .meta({ id: "SessionList" });

export const ZSessionParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** A sign-in provider's id as next-auth names it: "github", "google", "oidc". */
export const ZConnectedProviderParamsSchema = z.object({
  provider: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, "a provider id such as github, google or oidc")
    .meta({ example: "oidc" }),
});

export const ZChangePasswordBodySchema = z
  .strictObject({
    currentPassword: z.string().min(1, "must not be empty").max(200),
    // The same rules as registration.
    newPassword: ZPasswordSchema,
  })
  .meta({ id: "ChangePasswordRequest" });

/**
 * Re-authentication before deleting an account: the password, or for an account that signs in
 * only with OAuth (no password), its username typed out.
 */
export const ZDeleteAccountBodySchema = z
  .union([
    z.strictObject({ password: z.string().min(1, "must not be empty").max(200) }),
    z.strictObject({ confirm: z.string().min(1, "must not be empty").max(64) }),
  ])
  .meta({
    id: "DeleteAccountRequest",
    description: '`{ password }`, or `{ confirm: "<username>" }` for an account without one.',
  });

export const ZDataExportSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "ready", "failed"]),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    size: z.int().nullable().meta({ description: "Bytes of the zip, once ready." }),
    error: z.string().nullable().meta({ description: "Why it failed, when it did." }),
    downloadUrl: z
      .string()
      .nullable()
      .meta({ description: "Where to download the zip (signed in as its owner), once ready." }),
  })
  .meta({ id: "DataExport" });

export const ZLatestDataExportSchema = z
  .object({ export: ZDataExportSchema.nullable() })
  .meta({ id: "LatestDataExport" });

export const ZExportParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type TSession = z.infer<typeof ZSessionSchema>;
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBodySchema>;
export type TDeleteAccountBody = z.infer<typeof ZDeleteAccountBodySchema>;
export type TDataExport = z.infer<typeof ZDataExportSchema>;

/**
 * A new address for the account, with the same re-authentication as deleting it: the password,
 * or for an account without one (OAuth only) its username typed out.
 */
export const ZChangeEmailBodySchema = z
  .union([
    z.strictObject({
      email: ZEmailSchema,
      password: z.string().min(1, "must not be empty").max(200),
    }),
    z.strictObject({
      email: ZEmailSchema,
      confirm: z.string().min(1, "must not be empty").max(64),
    }),
  ])
  .meta({
    id: "ChangeEmailRequest",
    description:
      '`{ email, password }`, or `{ email, confirm: "<username>" }` for an account without a password.',
  });
export type TChangeEmailBody = z.infer<typeof ZChangeEmailBodySchema>;

export const ZEmailChangeAcceptedSchema = z
  .object({
    message: z.string(),
    pendingEmail: z.string().meta({ description: "The address the confirmation link went to." }),
  })
  .meta({ id: "EmailChangeAccepted" });
