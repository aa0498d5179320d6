import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";
import { TEST_METRICS_TOKEN } from "@/tests/support/metrics-token";

// Kill the app in the middle of delivering an event, restart it on the same database, and count
// what each follower got. The first server preloads tests/support/crash-after-step.mjs, told by
// GROVER_TEST_CRASH_AFTER_STEP to SIGKILL it the moment the first batch of followers has been
// notified and before that step is recorded: the worst moment, since the restarted server must
// run that batch again. Batches of 2 and 5 followers make three batches.

const STEP = "post-created-notify:notify-followers-0";
const CRASH_AFTER_STEP = fileURLToPath(new URL("../support/crash-after-step.mjs", import.meta.url));
const FOLLOWERS = 5;
const settings = { EVENTS_FANOUT_BATCH_SIZE: "2", EVENTS_LEASE_MS: "2000", EVENTS_POLL_MS: "250" };

let database: AppDatabase;
const servers: TestServer[] = [];

beforeAll(async () => {
  database = await createAppDatabase();
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.drop();
});

async function isUp(baseURL: string): Promise<boolean> {
  try {
    await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** undici's errors when the server's socket closes while a request is in flight. */
function killedMidRequest(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (
    error instanceof TypeError && (cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET")
  );
}

describe("a crash mid-dispatch", { timeout: 180_000 }, () => {
  it("delivers the event after a restart, exactly one notification per follower", async () => {
    const first = await startTestServer({
      name: "notifications-crash-1",
      env: {
        ...database.env,
        ...settings,
        GROVER_TEST_CRASH_AFTER_STEP: STEP,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${CRASH_AFTER_STEP}`.trim(),
      },
    });
    servers.push(first);
    const one = createApiClient(first.baseURL);
    const author = await one.registerAndSignIn();
    const followers: SignedInUser[] = [];
    for (let i = 0; i < FOLLOWERS; i++) {
      const follower = await one.registerAndSignIn();
      await one.api(`/api/users/${author.user.id}/follow`, {
        method: "POST",
        token: follower.token,
      });
      followers.push(follower);
    }

    // The post is committed before any delivery starts; then the server dies mid-fan-out. The
    // commit nudges the dispatcher, which can claim the event and kill the process before the
    // 201 has left it (a loaded machine makes that likely), so this request is the one that may
    // see the connection drop. Only that, a socket closed mid-request, is expected; either way
    // the database must hold the one post, committed before the crash.
    const text = `Crash test ${author.user.id}`;
    let answered: number | "killed";
    try {
      answered = (
        await one.api("/api/posts", { method: "POST", token: author.token, body: { text } })
      ).status;
    } catch (error) {
      if (!killedMidRequest(error)) throw error;
      answered = "killed";
    }
    expect([201, "killed"]).toContain(answered);
    const posts = await database.query<{ id: string }>(
      `SELECT id FROM "Post" WHERE "authorId" = $1 AND text = $2`,
      [author.user.id, text],
    );
    expect(posts).toHaveLength(1);
    const postId = posts[0]!.id;
    await poll(async () => !(await isUp(first.baseURL)), {
      timeoutMs: 30_000,
      what: "the first server to die",
    });

    const restartedAt = new Date();
    const second = await startTestServer({
      name: "notifications-crash-2",
      env: { ...database.env, ...settings },
    });
    servers.push(second);
    const two = createApiClient(second.baseURL);

    const newPostsOf = async (user: SignedInUser) =>
      (await two.api("/api/notifications?limit=100", { token: user.token })).body.items.filter(
        (i: { kind: string; post: { id: string } | null }) =>
          i.kind === "new_post" && i.post?.id === postId,
      ) as { ids: string[] }[];

    await poll(
      async () => {
        const status = (await two.api("/api/events/status", { token: TEST_METRICS_TOKEN })).body;
        return status.outbox.pending === 0;
      },
      { timeoutMs: 30_000, what: "the outbox to drain after the restart" },
    );
    for (const follower of followers) {
      const items = await newPostsOf(follower);
      expect(items, follower.credentials.username).toHaveLength(1);
      expect(items[0]!.ids).toHaveLength(1);
    }

    // What happened underneath: the first batch was written before the crash and written again
    // (as nothing) after it; the event took two deliveries; every batch is recorded now.
    const [event] = await database.query<{
      attempts: number;
      steps: Record<string, unknown>;
      sentAt: Date | null;
    }>(
      `SELECT attempts, steps, "sentAt" FROM "OutboxEvent" WHERE name = 'post.created' AND payload->>'postId' = $1`,
      [postId],
    );
    expect(event).toMatchObject({ attempts: 2, sentAt: expect.any(Date) });
    expect(event!.steps).toMatchObject({ [STEP]: { notified: 0 } });
    const rows = await database.query<{ recipientId: string; createdAt: Date }>(
      `SELECT "recipientId", "createdAt" FROM "Notification" WHERE kind = 'new_post' AND "postId" = $1`,
      [postId],
    );
    expect(rows).toHaveLength(FOLLOWERS);
    // Prisma stores UTC wall time in a timestamp column; pg reads it as local time.
    const utc = (d: Date) => d.getTime() - d.getTimezoneOffset() * 60_000;
    const beforeCrash = rows.filter((r) => utc(r.createdAt) < restartedAt.getTime());
    expect(beforeCrash).toHaveLength(2);
  });
});
