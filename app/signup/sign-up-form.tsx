"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import {
  apiFieldErrors,
  formErrorMessage,
  zodFieldErrors,
  type FieldErrors,
} from "@/client/field-errors";
import { userKeys } from "@/client/query-keys";
import { registerAccount } from "@/client/register-account";
import { fieldId, FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { CheckIcon, CircleIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { ZRegisterBodySchema } from "@/lib/users/users.types";
import { signUpAction } from "./actions";

const FIELDS = ["email", "username", "displayName", "password"] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  email: "Email",
  username: "Username",
  displayName: "Display name",
  password: "Password",
};

// The password rules the API enforces (ZPasswordSchema), shown as a checklist while typing.
// It also refuses the most common passwords, which only the submit check reports.
const PASSWORD_RULES = [
  { id: "length", text: "At least 10 characters", test: (v: string) => v.length >= 10 },
  {
    id: "mix",
    text: "Letters and at least one digit or symbol",
    test: (v: string) => /[a-zA-Z]/.test(v) && /[^a-zA-Z]/.test(v),
  },
  {
    id: "variety",
    text: "At least 5 different characters",
    test: (v: string) => new Set(v).size >= 5,
  },
] as const;

function PasswordRules({ password }: { password: string }) {
  return (
    <ul className="space-y-1">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <li
            key={rule.id}
            className={`flex items-center gap-1.5 ${met ? "text-brand-700" : "text-stone-600"}`}
          >
            {met ? <CheckIcon /> : <CircleIcon className="size-4 text-stone-400" />}
            <span>{rule.text}</span>
            <span className="sr-only">{met ? "(done)" : ""}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function SignUpForm({ initialError }: { initialError: string | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    email: "",
    username: "",
    displayName: "",
    password: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [submitting, setSubmitting] = useState(false);

  const update = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A corrected field loses its error at once; the others keep theirs until the next submit.
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    const first = FIELDS.find((f) => next[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const parsed = ZRegisterBodySchema.safeParse(values);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, LABELS));

    setSubmitting(true);
    try {
      const user = await registerAccount(values);
      const result = await signIn("credentials", {
        email: parsed.data.email,
        password: values.password,
        redirect: false,
      });
      if (!result || result.error) {
        // The account exists; only the automatic sign-in failed.
        router.push(`/signin?callbackUrl=${encodeURIComponent("/welcome")}`);
        return;
      }
      queryClient.setQueryData(userKeys.me(), user);
      // No router.refresh(): it could cancel the push (see sign-in-form). A new account lands
      // on /welcome (people to follow), not on its own empty profile.
      router.push("/welcome");
    } catch (error) {
      const fields = apiFieldErrors(error, LABELS);
      if (Object.keys(fields).length > 0) showErrors(fields);
      else setFormError(formErrorMessage(error));
      setSubmitting(false);
    }
  }

  const input = (field: Field) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => update(field)(e.target.value),
  });

  return (
    // Without scripts the form posts to a server action that registers and signs in; with them,
    // onSubmit does and the action isn't called. Either way the password stays out of URLs.
    <form noValidate onSubmit={onSubmit} action={signUpAction} className="space-y-5">
      {formError ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      ) : null}

      <FormField label={LABELS.email} name="email" error={errors.email}>
        {(control) => (
          <input {...control} {...input("email")} type="email" autoComplete="email" required />
        )}
      </FormField>

      <FormField
        label={LABELS.username}
        name="username"
        error={errors.username}
        hint="3–30 letters, digits or underscores. Your profile will be at /u/username."
      >
        {(control) => (
          <input
            {...control}
            {...input("username")}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={30}
            required
          />
        )}
      </FormField>

      <FormField
        label={LABELS.displayName}
        name="displayName"
        error={errors.displayName}
        hint="The name people see. You can change it later."
      >
        {(control) => (
          <input
            {...control}
            {...input("displayName")}
            autoComplete="name"
            maxLength={50}
            required
          />
        )}
      </FormField>

      <FormField
        label={LABELS.password}
        name="password"
        error={errors.password}
        hint={<PasswordRules password={values.password} />}
      >
        {(control) => (
          <input
            {...control}
            {...input("password")}
            type="password"
            autoComplete="new-password"
            required
          />
        )}
      </FormField>

      <button
        type="submit"
        aria-disabled={submitting || undefined}
        className={buttonClassName({ className: "w-full" })}
      >
        {submitting ? (
          <>
            <Spinner /> Creating your account…
          </>
        ) : (
          "Create account"
        )}
      </button>
    </form>
  );
}
