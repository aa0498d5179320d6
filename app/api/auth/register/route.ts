import { route } from "@/lib/api/route";
import { getCurrentUser } from "@/lib/users/get-current-user";
import { registerUser } from "@/lib/users/register-user";
import { ZCurrentUserSchema, ZRegisterBodySchema } from "@/lib/users/users.types";

// POST /api/auth/register – create an account
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/register",
    operationId: "registerUser",
    summary: "Create an account",
    tags: ["Auth"],
    auth: "none",
    rateLimit: "auth",
    body: ZRegisterBodySchema,
    bodyExample: {
      email: "ada@example.com",
      password: "correct-horse-battery",
      username: "ada_l",
      displayName: "Ada Lovelace",
    },
    response: ZCurrentUserSchema,
    status: 201,
    errors: ["conflict"],
  },
  async ({ body }) => {
    const { id } = await registerUser(body);
    return getCurrentUser(id);
  },
);
