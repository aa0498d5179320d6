import { createServer, type AddressInfo, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { PgliteProtocolQueue } from "./pglite-protocol-queue";

export type PgliteServer = { port: number; close: () => Promise<void> };

/**
 * Serves `db` over the PostgreSQL wire protocol on 127.0.0.1 and a port the OS picks (never a
 * fixed one, so a real PostgreSQL on 5432 is never in the way).
 *
 * This is PGLiteSocketServer's job, rebuilt around PgliteProtocolQueue: the stock server's queue
 * interleaves concurrent clients' extended-protocol messages (see pglite-protocol-queue.ts), which
 * breaks as soon as a second process (a test runner, `npm run db:migrate`, psql) attaches while
 * the app is running. The per-connection protocol handling is still pglite-socket's.
 */
export async function servePglite(db: PGlite): Promise<PgliteServer> {
  const queue = new PgliteProtocolQueue(db);
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue/clearQueueForHandler/clearTransactionIfNeeded, which
      // PgliteProtocolQueue implements; the declared type is pglite-socket's private class.
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handler.attach(socket).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
