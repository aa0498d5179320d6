import "server-only";
import type { NextRequest } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/database/is-database-unavailable-error";
import { isDatabaseReachable } from "./is-database-reachable";

// A page can't choose its status: by the time a server component meets the outage, Next answers
// 500 with the error page (only notFound, forbidden, unauthorized and redirect carry a status).
// So the proxy asks first, and while the database is unreachable a page request gets this 503
// with Retry-After, as the API does (lib/api/error-response.ts), instead of the home page's 500.
// Plain HTML with no script or style, so it needs nothing the outage could break and passes any
// Content-Security-Policy.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Grover is briefly unavailable</title>
</head>
<body>
<main>
<h1>Grover is briefly unavailable</h1>
<p>We can't reach our database right now. Your posts and payments are safe; try again in a few seconds.</p>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;

/** The 503 page for a page request while the database is unreachable; undefined otherwise. */
export async function databaseOutagePage(req: NextRequest): Promise<Response | undefined> {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (await isDatabaseReachable()) return undefined;
  return new Response(req.method === "HEAD" ? null : PAGE, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
    },
  });
}
