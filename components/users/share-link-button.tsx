"use client";

import { useState } from "react";
import { buttonClassName } from "@/components/ui/button";
import { LinkIcon } from "@/components/ui/icons";

/**
 * Shares a link: the system share sheet where there is one (phones), else copies the link, and
 * says so in a live region. Used for profiles; `path` is the page's own address.
 */
export function ShareLinkButton({ path, title }: { path: string; title: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function onClick() {
    const url = new URL(path, window.location.origin).toString();
    if (typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // Closing the sheet is no failure; anything else falls back to copying.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 4000);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void onClick()}
        className={buttonClassName({ variant: "secondary", size: "sm" })}
      >
        <LinkIcon className="size-4" />
        {status === "copied" ? "Link copied" : "Share"}
        <span className="sr-only"> {title}</span>
      </button>
      <span role="status" className="sr-only">
        {status === "copied"
          ? "Link copied to the clipboard."
          : status === "failed"
            ? "Couldn't copy the link."
            : ""}
      </span>
    </span>
  );
}
