// A TCP proxy that a test can close and reopen on the same port: a database "outage" without
// stopping the database (which other tests share).
import { createServer, connect, type Server, type Socket } from "node:net";

export type TcpProxy = {
  port: number;
  /** Refuses new connections and cuts the open ones, as a stopped server would. */
  close: () => Promise<void>;
  /** Listens again on the same port. */
  open: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server!.address();
        if (typeof address === "object" && address) port = address.port;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
    open: listen,
  };
}
