import { createServer, type AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "@/lib/database/is-database-unavailable-error";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// Real errors from the real client, driver and adapter, against a port nobody listens on.

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("isDatabaseUnavailableError", { timeout: 30_000 }, () => {
  it("recognises what Prisma and pg throw when the server cannot be reached", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const modelError = await caught(prisma.user.count());
      expect(modelError).toMatchObject({ code: "P1001" });
      const rawError = await caught(prisma.$queryRaw`SELECT 1`);
      expect(rawError).toMatchObject({ code: "P2010" });
      const txError = await caught(prisma.$transaction(async (tx) => tx.user.count()));
      for (const error of [modelError, rawError, txError])
        expect(isDatabaseUnavailableError(error)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }

    const client = new pg.Client({ connectionString: url });
    expect(isDatabaseUnavailableError(await caught(client.connect()))).toBe(true);
  });

  it("recognises a pool that gives no connection in time", async () => {
    // A server that accepts connections and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const prisma = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: `postgresql://postgres@127.0.0.1:${port}/x`,
        connectionTimeoutMillis: 300,
      }),
    });
    try {
      const error = await caught(prisma.user.count());
      expect(isDatabaseUnavailableError(error)).toBe(true);
    } finally {
      await prisma.$disconnect();
      silent.close();
    }
  });

  it("does not mistake other errors for an outage", () => {
    const unique = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: Prisma.prismaVersion.client,
    });
    expect(isDatabaseUnavailableError(unique)).toBe(false);
    expect(isDatabaseUnavailableError(new Error('relation "Nope" does not exist'))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
    expect(isDatabaseUnavailableError("ECONNREFUSED")).toBe(false);
  });
});
