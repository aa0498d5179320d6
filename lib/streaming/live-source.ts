import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { latestLiveEventId, loadLiveEvents, loadLiveEventsAfter } from "./load-live-events";
import { LIVE_CHANNEL, liveTransport } from "./live-transport";
import type { LiveEventRow } from "./streaming.types";

const POLL_MS = 250;
const RECONNECT_MS = 1_000;
const BATCH = 500;

export type LiveSource = {
  /** Reads announced ids now (this process's own writes, so they don't wait for a poll). */
  nudge: (ids: string[]) => void;
  stop: () => Promise<void>;
};

/**
 * Feeds `deliver` every committed LiveEvent, in id order per batch, by whichever transport this
 * deployment uses (live-transport.ts). Every way in ends in a read of the table, so what is sent
 * is always what was committed.
 */
export function startLiveSource(
  deliverRows: (rows: LiveEventRow[]) => Promise<void>,
  /** False while this process holds no stream: announced ids are then not even read. */
  active: () => boolean,
): LiveSource {
  const transport = liveTransport();
  // The newest id delivered, so a LISTEN connection that comes back can catch up from there.
  let newest: string | null = null;
  const deliver = async (rows: LiveEventRow[]) => {
    const last = rows.at(-1)?.id;
    if (last && (newest === null || BigInt(last) > BigInt(newest))) newest = last;
    await deliverRows(rows);
  };
  const catchUp = async () => {
    if (newest === null) return;
    for (;;) {
      const rows = await loadLiveEventsAfter(newest, BATCH);
      if (rows.length) await deliver(rows);
      if (rows.length < BATCH) return;
    }
  };
  const byIds = async (ids: string[]) => {
    if (!active()) return;
    const rows = await loadLiveEvents(ids);
    if (rows.length) await deliver(rows);
  };
  const read = (ids: string[]) =>
    void byIds(ids).catch((error: unknown) =>
      log.warn("live events could not be read", { error: String(error) }),
    );
  if (transport === "poll") return pollTable(deliver);
  const stop =
    transport === "redis"
      ? subscribeRedis(env().REDIS_URL!, read)
      : listenPostgres(read, () =>
          catchUp().catch((error: unknown) =>
            log.warn("live catch-up failed", { error: String(error) }),
          ),
        );
  // With NOTIFY or Redis, this process hears its own writes like everyone else's.
  return { nudge: () => {}, stop };
}

function parseIds(message: string): string[] {
  return message.split(",").filter((id) => /^\d+$/.test(id));
}

/**
 * One dedicated LISTEN connection, opened again (after a pause) whenever it fails; once it is
 * back, `reconnected` reads what was committed meanwhile (NOTIFYs are not queued for anyone).
 */
function listenPostgres(
  read: (ids: string[]) => void,
  reconnected: () => Promise<void>,
): () => Promise<void> {
  let client: pg.Client | null = null;
  let connections = 0;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client = next;
    const again = () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on("error", (error) => {
      log.warn("live LISTEN connection lost", { error: error.message });
      again();
    });
    next.on("end", again);
    next.on("notification", (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload) read(parseIds(message.payload));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
      if (connections++ > 0) await reconnected();
    } catch (error) {
      log.warn("live LISTEN connection failed", { error: String(error) });
      again();
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** A Redis subscriber connection (ioredis reconnects and subscribes again by itself). */
function subscribeRedis(url: string, read: (ids: string[]) => void): () => Promise<void> {
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  subscriber.on("error", (error: unknown) =>
    log.warn("live Redis error", { error: String(error) }),
  );
  subscriber.on("message", (channel: string, message: string) => {
    if (channel === LIVE_CHANNEL) read(parseIds(message));
  });
  subscriber.subscribe(LIVE_CHANNEL).catch((error: unknown) => {
    log.warn("live Redis subscribe failed", { error: String(error) });
  });
  return async () => {
    subscriber.disconnect();
  };
}

/**
 * The embedded database: the table past the last id read, every 250 ms, and at once when this
 * process wrote something. Passes never overlap.
 */
function pollTable(deliver: (rows: LiveEventRow[]) => Promise<void>): LiveSource {
  let last: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const pass = async () => {
    last ??= await latestLiveEventId();
    for (;;) {
      const rows = await loadLiveEventsAfter(last, BATCH);
      if (rows.length === 0) return;
      last = rows[rows.length - 1]!.id;
      await deliver(rows);
      if (rows.length < BATCH) return;
    }
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => log.warn("live poll failed", { error: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  tick();
  return {
    nudge: () => tick(),
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
