"use client";

import { useState, type FormEvent } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useDeleteAccount } from "@/client/hooks/use-account";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Asks for the password, or for an account without one (OAuth only), the username typed out. */
export function DeleteAccountSection({
  username,
  withPassword,
}: {
  username: string;
  withPassword: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const remove = useDeleteAccount({ onError: (err) => setError(formErrorMessage(err)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(withPassword ? "Enter your password to confirm." : "Type your username to confirm.");
      return;
    }
    setError("");
    remove.mutate(withPassword ? { password } : { confirm: password });
  };

  return (
    <div className="space-y-3">
      <p className="text-stone-600">
        Deletes your posts, comments, likes, follows, media and everything else you made, for good.
        Records of payments stay, without your name. Download your data first if you want a copy.
      </p>
      <button
        type="button"
        className={buttonClassName({ className: "bg-red-700 hover:bg-red-800" })}
        onClick={() => {
          setPassword("");
          setError("");
          setOpen(true);
        }}
      >
        Delete account…
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete your account?"
        description={`@${username} and everything you posted will be gone. This cannot be undone.`}
        size="sm"
      >
        <form method="post" onSubmit={submit} noValidate className="space-y-4">
          <FormField
            label={withPassword ? "Password" : `Type your username (${username}) to confirm`}
            name="delete-password"
            error={error}
          >
            {(control) => (
              <input
                {...control}
                data-autofocus
                type={withPassword ? "password" : "text"}
                autoComplete={withPassword ? "current-password" : "off"}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
          <div className="flex justify-end gap-3">
            <button
              type="button"
              className={buttonClassName({ variant: "secondary" })}
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
            <button
              type="submit"
              className={buttonClassName({ className: "bg-red-700 hover:bg-red-800" })}
              disabled={remove.isPending}
            >
              Delete my account
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
