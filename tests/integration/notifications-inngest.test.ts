import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { startInngestDouble, type InngestDouble } from "@/tests/support/inngest-double";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

// The production path, selected by configuration alone: with INNGEST_EVENT_KEY and
// INNGEST_BASE_URL set, the dispatcher sends outbox events to Inngest's event API (here a local
// double that speaks it) instead of running the functions itself.

const EVENT_KEY = "test-event-key";
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
    const status = await client.api("/api/events/status");
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
