import type { NextRequest } from "next/server";
import { route } from "@/lib/api/route";
import { createApiSession } from "@/lib/auth/create-session";
import { nextAuthHandler } from "@/lib/auth/next-auth-handler";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { getCurrentUser } from "@/lib/users/get-current-user";
import { ZSessionTokenSchema, ZSignInBodySchema } from "@/lib/users/users.types";

// POST /api/auth/session – exchange email and password for a bearer token
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/session",
    operationId: "signIn",
    summary: "Sign in and get a bearer token",
    description:
      "The token is shown once; send it as `Authorization: Bearer <token>`. It expires at `expiresAt` and ends early on `POST /api/auth/logout`.",
    tags: ["Auth"],
    auth: "none",
    rateLimit: "auth",
    body: ZSignInBodySchema,
    bodyExample: { email: "ada@example.com", password: "correct-horse-battery" },
    response: ZSessionTokenSchema,
    status: 201,
    errors: ["invalid_credentials", "account_suspended"],
  },
  async ({ body, req, ip }) => {
    const { id } = await authenticateWithPassword(body.email, body.password, ip);
    const { token, expiresAt } = await createApiSession(id, {
      userAgent: req.headers.get("user-agent"),
      ip,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: await getCurrentUser(id) };
  },
);

// GET /api/auth/session – next-auth's session endpoint, read by its web client. This static file
// shadows next-auth's catch-all for this path, so it hands GET over explicitly.
export function GET(req: NextRequest) {
  return nextAuthHandler(req, { params: Promise.resolve({ nextauth: ["session"] }) });
}
