import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

// DELETE /api/users/me/connected-accounts/{provider}. Linked identities are written with SQL
// here (linking itself goes through a provider's sign-in: tests/e2e/oidc.spec.ts), so this file
// has a server and database of its own.
let database: AppDatabase;
let server: TestServer;
let client: ApiClient;

beforeAll(async () => {
  database = await createAppDatabase();
  server = await startTestServer({ name: "connected-accounts", env: database.env });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function connect(userId: string, provider: string) {
  await database.query(
    `INSERT INTO "Account" (id, "userId", provider, "providerAccountId") VALUES ($1, $2, $3, $4)`,
    [randomBytes(8).toString("hex"), userId, provider, randomBytes(8).toString("hex")],
  );
}

const providersOf = async (userId: string) =>
  (
    await database.query<{ provider: string }>(
      `SELECT provider FROM "Account" WHERE "userId" = $1 ORDER BY provider`,
      [userId],
    )
  ).map((row) => row.provider);

const disconnect = (provider: string, token?: string) =>
  client.api(`/api/users/me/connected-accounts/${provider}`, { method: "DELETE", token });

describe("DELETE /api/users/me/connected-accounts/{provider}", () => {
  it("disconnects one of your providers, and only yours", async () => {
    const owner = await client.registerAndSignIn();
    const other = await client.registerAndSignIn();
    await connect(owner.user.id, "oidc");
    await connect(owner.user.id, "github");
    await connect(other.user.id, "oidc");

    const res = await disconnect("oidc", owner.token);
    expect(res.status).toBe(204);
    expect(await providersOf(owner.user.id)).toEqual(["github"]);
    expect(await providersOf(other.user.id)).toEqual(["oidc"]);

    const again = await disconnect("oidc", owner.token);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("not_found");
  });

  it("refuses to remove the only way into an account without a password", async () => {
    const user = await client.registerAndSignIn();
    await database.query(`UPDATE "User" SET "passwordHash" = NULL WHERE id = $1`, [user.user.id]);
    await connect(user.user.id, "oidc");
    await connect(user.user.id, "google");

    expect((await disconnect("google", user.token)).status).toBe(204);
    const last = await disconnect("oidc", user.token);
    expect(last.status).toBe(422);
    expect(last.body.error.message).toMatch(/only way you sign in/);
    expect(await providersOf(user.user.id)).toEqual(["oidc"]);
  });

  it("needs a signed-in user and a provider id", async () => {
    expect((await disconnect("oidc")).status).toBe(401);
    const user = await client.registerAndSignIn();
    const bad = await disconnect("Not%20A%20Provider", user.token);
    expect(bad.status).toBe(400);
  });
});
