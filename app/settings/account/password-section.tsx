"use client";

import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/client/api-fetch";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { useChangePassword } from "@/client/hooks/use-account";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { ZChangePasswordBodySchema } from "@/lib/account/account.types";

const LABELS = { currentPassword: "Current password", newPassword: "New password" };

export function PasswordSection() {
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState("");
  const change = useChangePassword({
    onSuccess: () => {
      setValues({ currentPassword: "", newPassword: "" });
      setStatus("Password changed. Every other device was signed out.");
    },
    onError: (error) => {
      if (error instanceof ApiClientError && error.code === "forbidden") {
        setErrors({ currentPassword: error.message });
        return;
      }
      setErrors(apiFieldErrors(error, LABELS));
      setStatus(formErrorMessage(error));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    const parsed = ZChangePasswordBodySchema.safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, LABELS));
      return;
    }
    setErrors({});
    change.mutate(values);
  };

  return (
    // method="post": submitted before scripts run, the passwords go in a body, never a URL.
    <form method="post" onSubmit={submit} noValidate className="space-y-4">
      {(["currentPassword", "newPassword"] as const).map((name) => (
        <FormField
          key={name}
          label={LABELS[name]}
          name={name}
          error={errors[name]}
          hint={
            name === "newPassword"
              ? "At least 10 characters, letters mixed with digits or symbols."
              : undefined
          }
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
              value={values[name]}
              onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
            />
          )}
        </FormField>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClassName()} disabled={change.isPending}>
          Change password
        </button>
        <p role="status" className="text-sm text-stone-700">
          {status}
        </p>
      </div>
    </form>
  );
}
