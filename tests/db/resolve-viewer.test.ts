import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// The session lookup (lib/auth/resolve-viewer.ts) is the first statement of every signed-in
// request, so it also brings what later statements of the request would otherwise ask for: the
// viewer's muted words (the feed leaves out posts containing them) and whether a block or mute
// hides anyone from them (shared caches serve only viewers who hide no one). And it records a
// session's last use beside the request rather than in it.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

let serial = 0;
async function user() {
  const { db } = await import("@/lib/db");
  serial += 1;
  return db.user.create({
    data: {
      email: `viewer${serial}@example.test`,
      username: `viewer${serial}`,
      displayName: `Viewer ${serial}`,
    },
    select: { id: true },
  });
}

/** The viewer a request with this user's new bearer token resolves to. */
async function resolveAs(userId: string) {
  const { createApiSession } = await import("@/lib/auth/create-session");
  const { resolveViewer } = await import("@/lib/auth/resolve-viewer");
  const { token } = await createApiSession(userId);
  return resolveViewer({
    headers: new Headers({ authorization: `Bearer ${token}` }),
    cookies: { getAll: () => [] },
  });
}

describe("resolveViewer", { timeout: 30_000 }, () => {
  it("brings the viewer's muted words, sorted, and none for someone without", async () => {
    const { db } = await import("@/lib/db");
    const muter = await user();
    for (const word of ["spoilers", "crypto", "election"]) {
      await db.mutedWord.create({ data: { userId: muter.id, word } });
    }
    expect((await resolveAs(muter.id))?.mutedWords).toEqual(["crypto", "election", "spoilers"]);
    expect((await resolveAs((await user()).id))?.mutedWords).toEqual([]);
  });

  it("says whether a block, either way, or a mute hides any account from the viewer", async () => {
    const { db } = await import("@/lib/db");
    const [blocker, blocked, muter, muted, nobody] = [
      await user(),
      await user(),
      await user(),
      await user(),
      await user(),
    ];
    await db.block.create({ data: { blockerId: blocker.id, blockedId: blocked.id } });
    await db.mute.create({ data: { muterId: muter.id, mutedId: muted.id } });
    const hides = async (id: string) => (await resolveAs(id))?.hidesAccounts;
    expect(await hides(blocker.id)).toBe(true);
    expect(await hides(blocked.id)).toBe(true);
    expect(await hides(muter.id)).toBe(true);
    // Being muted hides nothing from you: the muted account still sees everyone.
    expect(await hides(muted.id)).toBe(false);
    expect(await hides(nobody.id)).toBe(false);
  });

  it("still records a stale session's last use, beside the request", async () => {
    const { db } = await import("@/lib/db");
    const { createApiSession } = await import("@/lib/auth/create-session");
    const { resolveViewer } = await import("@/lib/auth/resolve-viewer");
    const { id: userId } = await user();
    const { token } = await createApiSession(userId);
    const stale = new Date(Date.now() - 60 * 60_000);
    await db.session.updateMany({ where: { userId }, data: { lastUsedAt: stale } });

    const viewer = await resolveViewer({
      headers: new Headers({ authorization: `Bearer ${token}` }),
      cookies: { getAll: () => [] },
    });
    expect(viewer?.userId).toBe(userId);
    let lastUsedAt = stale;
    for (let i = 0; i < 50 && lastUsedAt.getTime() === stale.getTime(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const session = await db.session.findFirstOrThrow({ where: { userId } });
      lastUsedAt = session.lastUsedAt;
    }
    expect(lastUsedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
