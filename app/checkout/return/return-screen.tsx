"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useExecutePayment } from "@/client/hooks/use-payments";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatMoney } from "@/lib/payments/format-money";

/** Completes the approved order (execute is idempotent, so a reload or a retry is safe). */
export function ReturnScreen({ orderId, cancelled }: { orderId: string; cancelled: boolean }) {
  const execute = useExecutePayment();
  const started = useRef(false);
  const { mutate } = execute;

  useEffect(() => {
    if (cancelled || !orderId || started.current) return;
    started.current = true;
    mutate(orderId);
  }, [cancelled, orderId, mutate]);

  const box =
    "mx-auto max-w-lg space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm";

  if (cancelled || !orderId) {
    return (
      <div className={box}>
        <h1 className="text-xl font-bold">Payment cancelled</h1>
        <p className="text-stone-700">Nothing was charged. You can try again whenever you like.</p>
        <Link href="/" className={buttonClassName({ variant: "secondary" })}>
          Back to Grover
        </Link>
      </div>
    );
  }

  if (execute.isError) {
    return (
      <div className={box} role="alert">
        <h1 className="text-xl font-bold">The payment isn&apos;t complete yet</h1>
        <p className="text-stone-700">{execute.error.message}</p>
        <button type="button" onClick={() => mutate(orderId)} className={buttonClassName()}>
          Try again
        </button>
      </div>
    );
  }

  const payment = execute.data;
  if (!payment) {
    return (
      <div className={box} aria-busy="true">
        <h1 className="flex items-center gap-2 text-xl font-bold">
          <Spinner /> Completing your payment…
        </h1>
        <p className="text-stone-700">Confirming with PayPal. This takes a moment.</p>
      </div>
    );
  }

  const amount = formatMoney(payment.amount, payment.currency);
  const creator = payment.creator ? `@${payment.creator.username}` : "the creator";
  const done = payment.status === "captured";
  return (
    <div className={box} role="status">
      <h1 className="text-xl font-bold">
        {done
          ? payment.kind === "tip"
            ? "Thank you for your tip!"
            : "Post unlocked"
          : "Payment pending"}
      </h1>
      <p className="text-stone-700">
        {done
          ? payment.kind === "tip"
            ? `You tipped ${creator} ${amount}.`
            : `You paid ${amount} to ${creator}. The post is yours to read.`
          : `PayPal is still processing your ${amount} payment; we'll credit ${creator} when it clears.`}
      </p>
      <div className="flex flex-wrap gap-2">
        {payment.postId ? (
          <Link href={`/p/${payment.postId}`} className={buttonClassName()}>
            Read the post
          </Link>
        ) : payment.creator ? (
          <Link href={`/u/${payment.creator.username}`} className={buttonClassName()}>
            Back to @{payment.creator.username}
          </Link>
        ) : null}
        <Link href="/purchases" className={buttonClassName({ variant: "secondary" })}>
          Your purchases
        </Link>
      </div>
    </div>
  );
}
