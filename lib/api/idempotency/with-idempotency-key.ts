import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "../errors";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** How long a key answers with its first response (Stripe's and Mastodon's figure). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
// A key still pending after this long belongs to a request that died with its process: longer
// than any of these handlers runs (their PayPal calls time out in seconds), so it can be taken
// over. Until then a duplicate is answered 409, never run beside the first.
const ABANDONED_MS = 2 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

type Claim = { run: string } | { replay: { status: number; body: Prisma.JsonValue } };
type Request = { req: NextRequest; userId: string; method: string; path: string; body: unknown };

async function claim(userId: string, key: string, requestHash: string): Promise<Claim> {
  // A few rounds at most: each ends in a claim, an answer, or a row that moved meanwhile.
  for (let round = 0; round < 3; round++) {
    try {
      const row = await db.idempotencyKey.create({
        data: { userId, key, requestHash },
        select: { id: true },
      });
      return { run: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const found = await db.idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: {
        id: true,
        requestHash: true,
        status: true,
        responseStatus: true,
        responseBody: true,
        createdAt: true,
        lockedAt: true,
      },
    });
    if (!found) continue; // released by a failed first request: claim it now
    const now = Date.now();
    if (found.createdAt.getTime() < now - IDEMPOTENCY_KEY_TTL_MS) {
      // Expired but not yet purged by the hourly cleanup: the key is free again.
      await db.idempotencyKey.deleteMany({ where: { id: found.id, createdAt: found.createdAt } });
      continue;
    }
    if (found.requestHash !== requestHash) {
      throw new ApiError(
        "unprocessable",
        "This Idempotency-Key was already used with a different request; use a new key.",
      );
    }
    if (found.status === "completed") {
      return { replay: { status: found.responseStatus ?? 200, body: found.responseBody } };
    }
    if (found.lockedAt.getTime() < now - ABANDONED_MS) {
      const taken = await db.idempotencyKey.updateMany({
        where: { id: found.id, status: "pending", lockedAt: found.lockedAt },
        data: { lockedAt: new Date() },
      });
      if (taken.count === 1) return { run: found.id };
      continue;
    }
    break;
  }
  throw new ApiError(
    "conflict",
    "A request with this Idempotency-Key is still in progress; retry it in a moment.",
    { headers: { "retry-after": "1" } },
  );
}

/**
 * Runs a write once per `Idempotency-Key` (when the request sends one): the key is claimed for
 * this user before the handler runs, and a 2xx answer is kept for a day. A retry with the same
 * key and the same request gets that answer again (status and body, with `Idempotent-Replayed:
 * true`) and runs nothing; the same key with another request (method, path or body) is 422; a
 * duplicate while the first is still running is 409 with Retry-After. A request that fails
 * (any error or non-2xx answer) gives its key back, so the client's retry runs afresh.
 */
export async function withIdempotencyKey(
  { req, userId, method, path, body }: Request,
  respond: () => Promise<Response>,
): Promise<Response> {
  const key = req.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return respond();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(
      "bad_request",
      "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, say).",
    );
  }
  const requestHash = createHash("sha256")
    .update(JSON.stringify([method, path, body ?? null]))
    .digest("hex");
  const claimed = await claim(userId, key, requestHash);
  if ("replay" in claimed) {
    const { status, body: stored } = claimed.replay;
    const headers = { "cache-control": "no-store", "idempotent-replayed": "true" };
    return stored === null
      ? new Response(null, { status, headers })
      : Response.json(stored, { status, headers });
  }

  const release = () => db.idempotencyKey.deleteMany({ where: { id: claimed.run } });
  let response: Response;
  try {
    response = await respond();
  } catch (error) {
    await release();
    throw error;
  }
  if (!response.ok) {
    await release();
    return response;
  }
  const text = await response.clone().text();
  await db.idempotencyKey.update({
    where: { id: claimed.run },
    data: {
      status: "completed",
      responseStatus: response.status,
      responseBody: text ? (JSON.parse(text) as Prisma.InputJsonValue) : undefined,
    },
  });
  return response;
}
