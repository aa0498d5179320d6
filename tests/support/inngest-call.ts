// Calls /api/inngest as Inngest's executor does: POST ?fnId=<app>-<function>&stepId=step with
// the event and the run's state, signed with the signing key (X-Inngest-Signature: HMAC-SHA256
// of the canonical JSON body and a timestamp, keyed by the key without its `signkey-*-` prefix).
import { createHmac, randomUUID } from "node:crypto";

/** JSON with object keys sorted at every level: the canonical form the SDK verifies. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type InngestCall = { status: number; headers: Headers; text: string };

export async function callInngestFunction(options: {
  baseURL: string;
  signingKey: string;
  /** The function's id as Grover defines it, e.g. "user-followed-notify". */
  functionId: string;
  event: { name: string; data: unknown };
  /**
   * Inngest's executor sends the run's events as `events` too, and the SDK checks those against
   * the trigger's schema; a caller that sends only `event` skips that check.
   */
  withEvents?: boolean;
}): Promise<InngestCall> {
  const event = { id: randomUUID(), ts: Date.now(), ...options.event };
  const body = canonical({
    version: 2,
    event,
    events: options.withEvents === false ? [] : [event],
    steps: {},
    ctx: {
      run_id: randomUUID(),
      attempt: 0,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: [], current: 0 },
    },
  });
  const ts = Math.round(Date.now() / 1000).toString();
  const key = options.signingKey.replace(/^signkey-\w+-/, "");
  const signature = createHmac("sha256", key).update(body).update(ts).digest("hex");
  const url = new URL("/api/inngest", options.baseURL);
  url.searchParams.set("fnId", `grover-${options.functionId}`);
  url.searchParams.set("stepId", "step");
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-inngest-signature": `t=${ts}&s=${signature}`,
    },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
