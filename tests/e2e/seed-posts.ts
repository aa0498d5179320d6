// Content that stresses a post card's layout, made over the API for the phone-layout and
// post-card specs: long unbroken words and URLs, a photo, a paid post and its purchase.
import type { ApiClient, SignedInUser } from "../support/api-client";
import { plainPng } from "../support/media-fixtures";

type Api = ApiClient["api"];

/** A word no other test uses, so search and filters find only this test's posts. */
export const uniqueWord = (prefix = "zq") =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** 120 letters without a break: wider than any phone unless the card wraps it. */
export const LONG_WORD = `Supercalifragilistic${"expialidocious".repeat(7)}`;
export const LONG_URL = `https://example.org/${"a-very-long-path-segment-".repeat(6)}end?query=${"x".repeat(60)}`;

export async function createPost(
  api: Api,
  author: SignedInUser,
  body: Record<string, unknown>,
): Promise<{ id: string }> {
  const res = await api("/api/posts", { method: "POST", token: author.token, body });
  if (res.status !== 201)
    throw new Error(`POST /api/posts: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads a photo with alt text; its id, for a post's mediaIds. */
export async function uploadPhoto(api: Api, author: SignedInUser): Promise<string> {
  const form = new FormData();
  const png = await plainPng(1200, 800);
  form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "wide.png");
  form.append("alt", "A wide green rectangle");
  const res = await api("/api/media/upload", { method: "POST", token: author.token, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items[0].id;
}

/** Calls an endpoint that must succeed (2xx). */
export async function call(
  api: Api,
  user: SignedInUser,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await api(path, { method, token: user.token, body });
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Buys a paid post as the app's PayPal double sees it (the e2e server runs PAYPAL_MODE=local):
 * order, approve on "PayPal's" page, capture.
 */
export async function buyPost(api: Api, buyer: SignedInUser, postId: string) {
  const created = await call(api, buyer, "POST", "/api/payments/create", {
    kind: "post_purchase",
    postId,
  });
  const approval = new URL(created.approvalUrl);
  const approved = await fetch(new URL("/checkoutnow", approval), {
    method: "POST",
    body: new URLSearchParams({ token: approval.searchParams.get("token")!, action: "approve" }),
    redirect: "manual",
  });
  if (approved.status !== 303) throw new Error(`approving answered ${approved.status}`);
  await call(api, buyer, "POST", "/api/payments/execute", { orderId: created.orderId });
}
