"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useSafetyAction, useSafetyState, type SafetyTarget } from "@/client/hooks/use-safety";
import { buttonClassName } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Props = { user: SafetyTarget & { displayName: string } };

/**
 * Mute / Unmute and Block (with a confirmation) on someone else's profile, for a signed-in
 * viewer. A block hides the profile from the blocker too, so after blocking the viewer goes to
 * the safety settings, where the block can be undone.
 */
export function SafetyActions({ user }: Props) {
  const router = useRouter();
  const state = useSafetyState(user);
  const mute = useSafetyAction(user, "mute");
  const block = useSafetyAction(user, "block");
  const [confirming, setConfirming] = useState(false);
  const muting = state.data?.muting ?? false;

  const onMute = () => {
    if (mute.isPending || !state.data) return;
    mute.mutate(!muting);
  };
  const onBlock = () =>
    block.mutate(true, {
      onSuccess: () => {
        setConfirming(false);
        router.push("/settings/safety");
      },
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button
          type="button"
          onClick={onMute}
          aria-disabled={mute.isPending || !state.data || undefined}
          className={buttonClassName({ variant: "ghost", size: "sm" })}
        >
          {muting ? "Unmute" : "Mute"}
          <span className="sr-only"> {user.displayName}</span>
        </button>
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className={buttonClassName({ variant: "ghost", size: "sm", className: "text-red-700" })}
        >
          Block
          <span className="sr-only"> {user.displayName}</span>
        </button>
      </div>
      {mute.isError ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          {formErrorMessage(mute.error)}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Block @${user.username}?`}
        description="You will stop following each other. Neither of you will see the other's posts, comments or profile, and they can't follow you, comment on your posts or tip you. They are not told."
        confirmLabel="Block"
        pendingLabel="Blocking…"
        pending={block.isPending}
        onConfirm={onBlock}
        error={block.isError ? formErrorMessage(block.error) : null}
      />
    </div>
  );
}
