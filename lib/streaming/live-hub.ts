import "server-only";
import { env } from "@/lib/config";
import { Prisma, queryRows } from "@/lib/db";
import { log } from "@/lib/log";
import { homeAudienceSql } from "./home-audience-sql";
import { startLiveSource, type LiveSource } from "./live-source";
import type { LiveEventRow, SseEvent, TStreamName } from "./streaming.types";
import { toHomeSseEvent, toUserSseEvent } from "./to-sse-event";

/** One open stream, as the hub sees it; open-live-stream.ts owns its bytes. */
export type LiveConnection = {
  userId: string;
  streams: ReadonlySet<TStreamName>;
  /** Sends an event; the connection drops itself when its reader is too slow. */
  send: (event: SseEvent) => void;
  heartbeat: () => void;
};

/**
 * This process's open streams and the one source of committed live events that feeds them
 * (live-source.ts). Each batch of events costs one query for the home audience among every open
 * home stream here, and per user event one or two for its recipient, only when that recipient
 * has a stream here: nothing is ever written per follower. Batches are sent one after another,
 * so each stream gets its events in order.
 */
class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  private readonly byUser = new Map<string, Set<LiveConnection>>();
  private source: LiveSource | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  get size(): number {
    return this.connections.size;
  }

  /**
   * Registers a stream; false when its user already holds the most allowed here. (No ApiError
   * from here: the hub is shared by every route bundle, each with its own copy of that class.)
   */
  add(connection: LiveConnection): boolean {
    const mine = this.byUser.get(connection.userId) ?? new Set();
    if (mine.size >= env().STREAMING_MAX_PER_USER) return false;
    mine.add(connection);
    this.byUser.set(connection.userId, mine);
    this.connections.add(connection);
    this.start();
    return true;
  }

  remove(connection: LiveConnection): void {
    if (!this.connections.delete(connection)) return;
    const mine = this.byUser.get(connection.userId);
    mine?.delete(connection);
    if (mine?.size === 0) this.byUser.delete(connection.userId);
  }

  /** This process wrote these ids (live-transaction.ts): read them now where that helps. */
  nudge(ids: string[]): void {
    this.source?.nudge(ids);
  }

  private start(): void {
    // Started by the first stream and then kept: a replica that never serves one never listens.
    this.source ??= startLiveSource(
      (rows) => this.enqueue(rows),
      () => this.connections.size > 0,
    );
    if (!this.heartbeatTimer) {
      this.heartbeatTimer = setInterval(() => {
        for (const connection of this.connections) connection.heartbeat();
      }, env().STREAMING_HEARTBEAT_MS);
      this.heartbeatTimer.unref();
    }
  }

  private enqueue(rows: LiveEventRow[]): Promise<void> {
    this.queue = this.queue
      .then(() => this.deliver(rows))
      .catch((error: unknown) => log.warn("live events not delivered", { error: String(error) }));
    return this.queue;
  }

  private async deliver(rows: LiveEventRow[]): Promise<void> {
    if (this.connections.size === 0) return;
    const wants = (userId: string, stream: TStreamName) =>
      [...(this.byUser.get(userId) ?? [])].filter((c) => c.streams.has(stream));

    const homeIds = rows.filter((r) => r.kind === "post" || r.kind === "delete").map((r) => r.id);
    const homeViewers = [...this.byUser.keys()].filter((u) => wants(u, "home").length > 0);
    const audience = new Map<string, string[]>();
    if (homeIds.length && homeViewers.length) {
      const pairs = await queryRows<{ eventId: string; viewerId: string }>(
        homeAudienceSql(Prisma.sql`e.id = ANY(${homeIds}::bigint[])`, homeViewers),
      );
      for (const { eventId, viewerId } of pairs) {
        audience.set(eventId, [...(audience.get(eventId) ?? []), viewerId]);
      }
    }

    const outgoing: { to: LiveConnection[]; event: SseEvent }[] = [];
    for (const row of rows) {
      if (row.recipientId) {
        const to = wants(row.recipientId, "user");
        const event = to.length ? await toUserSseEvent(row, row.recipientId) : null;
        if (event) outgoing.push({ to, event });
        continue;
      }
      const event = toHomeSseEvent(row);
      const to = (audience.get(row.id) ?? []).flatMap((viewer) => wants(viewer, "home"));
      if (event && to.length) outgoing.push({ to, event });
    }
    for (const { to, event } of outgoing) for (const connection of to) connection.send(event);
  }
}

const KEY = Symbol.for("grover.liveHub");

/** The process's one hub, shared through globalThis by every route bundle that needs it. */
export function liveHub(): LiveHub {
  const store = globalThis as { [KEY]?: LiveHub };
  store[KEY] ??= new LiveHub();
  return store[KEY];
}
