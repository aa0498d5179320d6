import { z } from "zod";

/** Every error code a client can see, and the HTTP status it travels with. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  invalid_cursor: 400,
  /** A password reset link that is unknown, used or expired (details.reason says which). */
  invalid_reset_token: 400,
  /** An email verification link that is unknown, used or expired (details.reason says which). */
  invalid_verification_token: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  forbidden: 403,
  account_suspended: 403,
  /** A payout needs an owner who can be reached: the account's address must be confirmed. */
  email_not_verified: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payout_pending: 409,
  already_reported: 409,
  already_verified: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  insufficient_funds: 422,
  rate_limited: 429,
  /** Over STREAMING_MAX_PER_USER open live streams. */
  too_many_streams: 429,
  internal_error: 500,
  service_unavailable: 503,
  payments_not_configured: 503,
  /** Production without SMTP_URL: flows that need mail say so instead of pretending. */
  mail_unavailable: 503,
  payment_provider_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error the domain code throws; the route wrapper turns it into a response. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The shape of every error body, also published in the OpenAPI document. */
export const ZErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export type TErrorBody = z.infer<typeof ZErrorBodySchema>;
