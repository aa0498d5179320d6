// Rows for tests that call the events and notifications code against a real database
// (tests/support/test-database.ts), written straight through Prisma so that no outbox event is
// published as a side effect unless a test asks for one.
import { randomBytes } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { db } from "@/lib/db";
import type { EventData, EventName } from "@/lib/events/event-schemas";
import type { EventFunction } from "@/lib/events/grover-function.types";
import type { TMutableNotificationKind } from "@/lib/notifications/notifications.types";

export const uid = () => randomBytes(5).toString("hex");

export async function makeUser(displayName?: string) {
  const id = uid();
  return db.user.create({
    data: {
      email: `u-${id}@example.com`,
      username: `u_${id}`,
      displayName: displayName ?? `User ${id}`,
    },
    select: { id: true, username: true, displayName: true },
  });
}

export async function follow(followerId: string, followingId: string, createdAt?: Date) {
  await db.follow.create({
    data: { followerId, followingId, ...(createdAt ? { createdAt } : {}) },
  });
}

export async function makePost(authorId: string, text = "A post") {
  return db.post.create({ data: { authorId, text }, select: { id: true } });
}

export async function mute(userId: string, kinds: TMutableNotificationKind[]) {
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, mutedKinds: kinds },
    update: { mutedKinds: kinds },
  });
}

export function notificationsOf(recipientId: string) {
  return db.notification.findMany({
    where: { recipientId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, actorId: true, postId: true, data: true, dedupeKey: true },
  });
}

/** Runs a function through Inngest's test engine with one event, as Inngest would call it. */
export async function runWithInngest<N extends EventName>(
  fn: EventFunction,
  name: N,
  data: EventData<N>,
  options: { steps?: { id: string; handler: () => unknown }[] } = {},
) {
  const engine = new InngestTestEngine({ function: fn.inngestFunction });
  const output = await engine.execute({ events: [{ id: `evt_${uid()}`, name, data }], ...options });
  if (output.error) throw output.error;
  return output;
}
