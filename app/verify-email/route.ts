import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { confirmEmailVerification } from "@/lib/auth/confirm-email-verification";

// GET /verify-email?token= – the link in a confirmation mail. A route handler rather than a page:
// the address is confirmed before anything renders, so the page it leads to (./result) shows
// the app shell as it is now, without the "confirm your email" banner. No script needed.
export async function GET(req: NextRequest) {
  const token = req.nextUrl.searchParams.get("token") ?? "";
  let status: string;
  if (!token || token.length > 200) {
    status = "unknown";
  } else {
    try {
      const confirmed = await confirmEmailVerification(token);
      status = confirmed.kind === "change" ? "changed" : "verified";
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === "conflict") status = "taken";
      else if (error.code === "invalid_verification_token") {
        status = (error.details as { reason: string }).reason;
      } else throw error;
    }
  }
  redirect(`/verify-email/result?${new URLSearchParams({ status })}`);
}
