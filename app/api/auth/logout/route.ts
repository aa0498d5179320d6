import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { revokeSession } from "@/lib/auth/revoke-session";

const NEXT_AUTH_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// POST /api/auth/logout – revoke the bearer token, or end the web session
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/logout",
    operationId: "signOut",
    summary: "Sign out",
    description:
      "Revokes the bearer token used for this request (or the web session behind the cookie). Later requests with it answer 401.",
    tags: ["Auth"],
    auth: "required",
  },
  async ({ viewer, req }) => {
    await revokeSession(viewer.sessionId, viewer.userId);
    const response = new NextResponse(null, { status: 204 });
    if (viewer.via === "cookie") {
      for (const cookie of req.cookies.getAll()) {
        if (NEXT_AUTH_COOKIES.some((name) => cookie.name.startsWith(name))) {
          response.cookies.delete(cookie.name);
        }
      }
    }
    return response;
  },
);
