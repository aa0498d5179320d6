"use client";

import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useQuotePost } from "@/client/hooks/use-create-post";
import { buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { POST_TEXT_MAX, type TPost } from "@/lib/posts/posts.types";

/** Writes a quote post: your words above the original, which shows inside it. */
export function QuoteDialog({
  post,
  open,
  onClose,
}: {
  post: TPost;
  open: boolean;
  onClose: () => void;
}) {
  const [text, setText] = useState("");
  const quote = useQuotePost(post.id, () => {
    setText("");
    onClose();
  });
  return (
    <Dialog open={open} onClose={onClose} title="Quote post">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          quote.mutate(text);
        }}
        className="flex flex-col gap-3"
      >
        <label htmlFor={`quote-${post.id}`} className="text-sm font-medium">
          Your words
        </label>
        <textarea
          id={`quote-${post.id}`}
          data-autofocus
          required
          maxLength={POST_TEXT_MAX}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          className="rounded-lg border border-stone-300 p-2"
        />
        <blockquote className="rounded-lg border border-stone-200 p-3 text-sm text-stone-700">
          <span className="font-semibold">@{post.author.username}</span>: {post.text}
        </blockquote>
        {quote.error ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formErrorMessage(quote.error)}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={quote.isPending || text.trim().length === 0}
          className={buttonClassName()}
        >
          {quote.isPending ? "Posting…" : "Post quote"}
        </button>
      </form>
    </Dialog>
  );
}
