import { z } from "zod";
import { route } from "@/lib/api/route";
import { ZEmailKindSchema } from "@/lib/mail/email-kinds";
import { unsubscribeEmail } from "@/lib/mail/unsubscribe-email";

const ZQuerySchema = z.object({ token: z.string().min(1).max(300) });

// GET /api/mail/unsubscribe – a person following the List-Unsubscribe link: to the page that asks
export const GET = route(
  {
    method: "GET",
    path: "/api/mail/unsubscribe",
    operationId: "openUnsubscribePage",
    summary: "Open the unsubscribe page of a mail's List-Unsubscribe link",
    description:
      "Answers 303 to the page that asks before switching anything off: link scanners fetch every link in a mail, and a GET must change nothing.",
    tags: ["Notifications"],
    auth: "none",
    query: ZQuerySchema,
    status: 303,
  },
  async ({ query, req }) => {
    const page = new URL("/unsubscribe", req.nextUrl.origin);
    page.searchParams.set("token", query.token);
    return new Response(null, {
      status: 303,
      headers: { location: `${page.pathname}${page.search}`, "cache-control": "no-store" },
    });
  },
);

// POST /api/mail/unsubscribe – one-click unsubscribe (RFC 8058): switch the link's kind off
export const POST = route(
  {
    method: "POST",
    path: "/api/mail/unsubscribe",
    operationId: "unsubscribeEmail",
    summary: "Switch off one kind of mail, from a mail's signed link",
    description:
      "What a mail client's unsubscribe button sends (`List-Unsubscribe=One-Click` as a form body, which is not read): the token names the user and the kind, signed by the server, so no sign-in is needed.",
    tags: ["Notifications"],
    auth: "none",
    query: ZQuerySchema,
    response: z.object({ kind: ZEmailKindSchema, email: z.literal(false) }),
    errors: ["bad_request"],
  },
  async ({ query }) => ({ ...(await unsubscribeEmail(query.token)), email: false as const }),
);
