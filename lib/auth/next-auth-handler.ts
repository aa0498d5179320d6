import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "./auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own endpoints (/api/auth/csrf, /callback/*, /signin/*, /signout, /session…). */
export function nextAuthHandler(req: NextRequest, context: Context): Promise<Response> {
  return NextAuth(authOptions())(req, context);
}
