import { NextResponse, type NextRequest } from "next/server";
import { databaseOutagePage } from "@/lib/health/database-outage-page";

// Runs before every page (Node runtime). Each concern keeps its own function file under lib/;
// this file only chains them.
export async function proxy(req: NextRequest): Promise<Response> {
  return (await databaseOutagePage(req)) ?? NextResponse.next();
}

export const config = {
  // Pages only: the API answers its own 503s, and static files need no database.
  matcher: ["/((?!api/|_next/static/|_next/image|icon.svg|favicon.ico).*)"],
};
