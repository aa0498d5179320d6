// How long a post takes to reach a follower's home feed, with the events worker running in its
// own process: the author posts, then the follower's feed is polled until the post is in it.
// One post at a time, so each delivery is timed alone rather than queued behind the others.

export type Delivery = {
  posts: number;
  /** Seconds from sending the post to seeing it in the follower's feed. */
  p50: number;
  p95: number;
  max: number;
  /** Posts that had not arrived after the timeout. */
  missed: number;
  /** The POST itself, ms: one author posting one at a time, as a person does. */
  postP50: number;
  postP95: number;
};

const TIMEOUT_MS = 30_000;
const POLL_MS = 50;

export async function measureDelivery(options: {
  base: string;
  authorToken: string;
  followerToken: string;
  posts: number;
}): Promise<Delivery> {
  const seconds: number[] = [];
  const postMs: number[] = [];
  let missed = 0;
  const run = Date.now().toString(36);
  for (let i = 0; i < options.posts; i++) {
    const started = performance.now();
    const res = await fetch(`${options.base}/api/posts`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.authorToken}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ text: `Delivery check ${run}-${i} #bench` }),
    });
    if (res.status !== 201)
      throw new Error(`Delivery post: HTTP ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    postMs.push(performance.now() - started);
    let seen = false;
    while (!seen && performance.now() - started < TIMEOUT_MS) {
      const feed = await fetch(`${options.base}/api/posts/feed/me?limit=20`, {
        headers: { authorization: `Bearer ${options.followerToken}` },
      });
      const body = (await feed.json()) as { items?: { id: string }[] };
      seen = body.items?.some((p) => p.id === id) ?? false;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (seen) seconds.push((performance.now() - started) / 1000);
    else missed += 1;
  }
  const at = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    return (
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100
    );
  };
  return {
    posts: options.posts,
    p50: at(seconds, 0.5),
    p95: at(seconds, 0.95),
    max: at(seconds, 1),
    missed,
    postP50: Math.round(at(postMs, 0.5)),
    postP95: Math.round(at(postMs, 0.95)),
  };
}
