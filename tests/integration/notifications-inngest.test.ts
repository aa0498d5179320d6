import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { callInngestFunction } from "@/tests/support/inngest-call";
import { startInngestDouble, type InngestDouble } from "@/tests/support/inngest-double";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";
import { TEST_METRICS_TOKEN } from "@/tests/support/metrics-token";

// The production path, selected by configuration alone: with INNGEST_EVENT_KEY and
// INNGEST_BASE_URL set, the dispatcher sends outbox events to Inngest's event API (here a local
// double that speaks it) instead of running the functions itself.

const EVENT_KEY = "test-event-key";
const SIGNING_KEY = `signkey-test-${randomBytes(32).toString("hex")}`;
let database: AppDatabase;
let inngest: InngestDouble;
let server: TestServer;
let client: ApiClient;

beforeAll(async () => {
  database = await createAppDatabase();
  inngest = await startInngestDouble({ failing: true });
  server = await startTestServer({
    name: "notifications-inngest",
    env: {
      ...database.env,
      INNGEST_EVENT_KEY: EVENT_KEY,
      INNGEST_BASE_URL: inngest.url,
      INNGEST_SIGNING_KEY: SIGNING_KEY,
      EVENTS_RETRY_BASE_MS: "1000",
    },
  });
  client = createApiClient(server.baseURL);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await inngest?.close();
  await database?.drop();
});

type OutboxRow = { id: string; attempts: number; sentAt: Date | null; lastError: string | null };

const postEvent = async (postId: string) =>
  (
    await database.query<OutboxRow>(
      `SELECT id, attempts, "sentAt", "lastError" FROM "OutboxEvent"
       WHERE name = 'post.created' AND payload->>'postId' = $1`,
      [postId],
    )
  )[0];

describe("events through Inngest", { timeout: 60_000 }, () => {
  it("keeps posting while Inngest answers 5xx, retries with backoff, then delivers once with the outbox id", async () => {
    const author = await client.registerAndSignIn();
    const follower = await client.registerAndSignIn();
    await client.api(`/api/users/${author.user.id}/follow`, {
      method: "POST",
      token: follower.token,
    });

    // Inngest is down: the request that makes the post never sees it.
    const started = Date.now();
    const res = await client.api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "Through Inngest" },
    });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3_000);
    const postId = res.body.id as string;
    const sentFor = (id: string) =>
      inngest.requests.filter((r) => r.events.some((e) => e.id === id));

    // Retried: the SDK tries a few times per delivery, then the dispatcher backs off and the
    // outbox row records the failed attempts.
    const failing = await poll(
      async () => {
        const row = await postEvent(postId);
        return row && row.attempts >= 2 && row.lastError && sentFor(row.id).length >= 2
          ? row
          : undefined;
      },
      { timeoutMs: 20_000, what: "two failed delivery attempts" },
    );
    expect(failing.sentAt).toBeNull();
    expect(sentFor(failing.id).every((r) => r.status === 500)).toBe(true);
    const status = await client.api("/api/events/status", { token: TEST_METRICS_TOKEN });
    expect(status.body).toMatchObject({ mode: "inngest", outbox: { pending: expect.any(Number) } });
    expect(status.body.outbox.failing).toBeGreaterThanOrEqual(1);
    expect(status.body.process.dispatcher.failedAttempts).toBeGreaterThanOrEqual(2);

    // Inngest is back: the event goes out, under the outbox row's id, and is marked sent.
    inngest.setFailing(false);
    const sent = await poll(
      async () => {
        const row = await postEvent(postId);
        return row?.sentAt ? row : undefined;
      },
      { timeoutMs: 20_000, what: "the event to be sent" },
    );
    const accepted = inngest.requests.filter((r) => r.status === 200);
    const delivered = accepted
      .flatMap((r) => r.events)
      .filter((e) => e.name === "post.created" && e.data.postId === postId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      id: sent.id,
      data: { postId, authorId: author.user.id, mentionedUserIds: [] },
    });
    expect(accepted.every((r) => r.eventKey === EVENT_KEY)).toBe(true);

    // Every attempt carried the same id, so Inngest would have dropped any duplicate; and the
    // attempts spread out (backoff) rather than hammering.
    const attempts = sentFor(sent.id);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.at(-1)!.at - attempts[0]!.at).toBeGreaterThan(1_000);

    // Nothing ran in-process: notifications are Inngest's job now (it calls /api/inngest).
    const notifications = await client.api("/api/notifications", { token: follower.token });
    expect(notifications.body.items.filter((i: { kind: string }) => i.kind === "new_post")).toEqual(
      [],
    );
  });
});

describe("POST /api/inngest (Inngest calling a function)", { timeout: 30_000 }, () => {
  const call = (functionId: string, event: { name: string; data: unknown }, withEvents = true) =>
    callInngestFunction({
      baseURL: server.baseURL,
      signingKey: SIGNING_KEY,
      functionId,
      event,
      withEvents,
    });
  const followNotifications = async (token: string) =>
    (await client.api("/api/notifications", { token })).body.items.filter(
      (i: { kind: string }) => i.kind === "follow",
    );
  // What a stack trace looks like in a serialized error: "at fn (/path/file.js:1:2)".
  const STACK_LINE = /\bat .+:\d+:\d+/;

  it("refuses event data that doesn't match its schema, for good, without running the handler", async () => {
    const follower = await client.registerAndSignIn();
    const followed = await client.registerAndSignIn();
    const follow = await client.api(`/api/users/${followed.user.id}/follow`, {
      method: "POST",
      token: follower.token,
    });
    expect(follow.status).toBeLessThan(300);
    const data = { followerId: follower.user.id, followingId: followed.user.id };

    // With `events` the SDK checks them against the trigger's schema; without, only Grover's
    // own check stands between the data and the handler. Either way: 400, no retry, no stack.
    for (const withEvents of [true, false]) {
      for (const bad of [{}, { ...data, extra: "not in the schema" }]) {
        const what = `${JSON.stringify(bad)}, events ${withEvents ? "sent" : "empty"}`;
        const res = await call(
          "user-followed-notify",
          { name: "user.followed", data: bad },
          withEvents,
        );
        expect(res.status, `${what}: ${res.text}`).toBe(400);
        expect(res.headers.get("x-inngest-no-retry"), what).toBe("true");
        expect(res.text, what).not.toMatch(STACK_LINE);
        expect(JSON.parse(res.text), what).toMatchObject({
          message: expect.any(String),
          stack: "",
        });
      }
    }
    expect(await followNotifications(followed.token)).toEqual([]);

    // The same call with valid data runs the function: the refusal above was the schema's.
    const ok = await call("user-followed-notify", { name: "user.followed", data });
    expect([200, 206], ok.text).toContain(ok.status);
    expect(await followNotifications(followed.token)).toHaveLength(1);
  });

  it("never answers with a stack trace, even for the SDK's own errors", async () => {
    const res = await call("no-such-function", { name: "user.followed", data: {} });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toMatch(STACK_LINE);
    expect(res.text).not.toContain("node_modules");
  });

  it("refuses a call without a valid signature", async () => {
    const res = await fetch(`${server.baseURL}/api/inngest?fnId=grover-user-followed-notify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: { name: "user.followed", data: {} } }),
    });
    expect(res.status).toBe(401);
  });
});
