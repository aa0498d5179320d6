import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { buttonClassName } from "@/components/ui/button";
import { ApiError } from "@/lib/api/errors";
import { getPaymentsConfig } from "@/lib/payments/payments-config";
import { getPost } from "@/lib/posts/get-post";
import { getPublicProfile } from "@/lib/users/get-public-profile";
import { CheckoutScreen, type CheckoutTarget } from "./checkout-screen";

export const metadata: Metadata = { title: "Checkout" };

type Props = { searchParams: Promise<{ post?: string; tip?: string }> };

async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

/** /checkout?tip=<username> or /checkout?post=<id>: pay a creator through PayPal. */
export default async function CheckoutPage({ searchParams }: Props) {
  const { post: postId, tip } = await searchParams;
  const viewer = await loadViewer();
  const here = postId
    ? `/checkout?post=${encodeURIComponent(postId)}`
    : `/checkout?tip=${encodeURIComponent(tip ?? "")}`;
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const config = getPaymentsConfig();

  let target: CheckoutTarget;
  if (postId) {
    const post = postId.length <= 64 ? await orNull(() => getPost(postId, viewer.userId)) : null;
    if (!post) notFound();
    if (!post.paid) {
      return (
        <Notice title="This post is free">
          <p className="text-stone-700">There is nothing to buy: everyone can read it.</p>
          <Link href={`/p/${post.id}`} className={buttonClassName()}>
            Read the post
          </Link>
        </Notice>
      );
    }
    if (post.paid.unlocked) {
      return (
        <Notice title={post.viewer?.isAuthor ? "This is your post" : "You already own this post"}>
          <p className="text-stone-700">
            {post.viewer?.isAuthor
              ? "Others pay to unlock it; you can always read it."
              : "It stays unlocked for you."}
          </p>
          <Link href={`/p/${post.id}`} className={buttonClassName()}>
            Read the post
          </Link>
        </Notice>
      );
    }
    target = {
      kind: "post_purchase",
      postId: post.id,
      preview: post.text,
      creator: { username: post.author.username, displayName: post.author.displayName },
      price: post.paid.price,
      currency: post.paid.currency,
    };
  } else {
    const creator =
      tip && tip.length <= 64 ? await orNull(() => getPublicProfile(tip, viewer.userId)) : null;
    if (!creator) notFound();
    if (creator.id === viewer.userId) {
      return (
        <Notice title="You can't tip yourself">
          <p className="text-stone-700">
            Tips go from supporters to creators. Share your profile so others can tip you.
          </p>
          <Link href="/earnings" className={buttonClassName()}>
            See your earnings
          </Link>
        </Notice>
      );
    }
    target = {
      kind: "tip",
      creatorId: creator.id,
      creator: { username: creator.username, displayName: creator.displayName },
    };
  }

  // PayPal's SDK puts this request's CSP nonce (proxy.ts) on the styles and scripts it adds.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <CheckoutScreen config={config} target={target} nonce={nonce} />;
}
