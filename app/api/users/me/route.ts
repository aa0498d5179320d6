import { route } from "@/lib/api/route";
import { ZDeleteAccountBodySchema } from "@/lib/account/account.types";
import { deleteAccount } from "@/lib/account/delete-account";
import { getPublicProfile } from "@/lib/users/get-public-profile";
import { ZPublicUserSchema } from "@/lib/users/users.types";

// This static route shadows /api/users/{id} for the literal "me", so it answers GET as well.

// GET /api/users/me – the viewer's own public profile
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me",
    operationId: "getMyProfile",
    summary: "Your own public profile",
    description: "What others see at /api/users/{id} for you. Your email is at /api/auth/me.",
    tags: ["Users"],
    auth: "required",
    response: ZPublicUserSchema,
    errors: ["not_found"],
  },
  async ({ viewer }) => getPublicProfile(viewer.userId, viewer.userId),
);

// DELETE /api/users/me – delete your account
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/me",
    operationId: "deleteAccount",
    summary: "Delete your account",
    description:
      'Re-authenticate with `{ password }` (or `{ confirm: "<username>" }` for an account without a password). Deletes your posts, comments, likes, reactions, saves, reposts, follows, blocks, mutes, reports, notifications, sessions, media and exports, and anonymises the account; payment records stay, anonymised. Refused with `payout_pending` while a payout is in progress.',
    tags: ["Account"],
    auth: "required",
    rateLimit: "auth",
    body: ZDeleteAccountBodySchema,
    bodyExample: { password: "correct-horse-battery" },
    errors: ["forbidden", "payout_pending", "unprocessable", "not_found"],
  },
  async ({ body, viewer }) => deleteAccount(viewer.userId, body),
);
