"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useSignInProviders } from "@/client/hooks/use-sign-in-providers";
import { fieldId, FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { signInAction } from "./actions";

// next-auth reports failures as codes, in `?error=` or in signIn()'s result. Wrong email and
// wrong password read the same, so the page never tells which emails have accounts.
const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  TooManyAttempts: "Too many sign-in attempts. Wait a few minutes and try again.",
  AccountSuspended: "This account is suspended by the moderators and cannot sign in.",
  OAuthAccountNotLinked:
    "That email already belongs to a Grover account, and the address isn't verified on both sides, so this sign-in can't be joined to it. Sign in the way you did before, then connect this one in Settings → Account.",
  OAuthNoEmail: "That provider didn't share an email address, which a new Grover account needs.",
  OAuthSignin: "We couldn't reach that sign-in provider. Try again.",
  OAuthCallback: "Signing in with that provider didn't finish. Try again.",
  AccessDenied: "Sign-in was cancelled or refused.",
  SessionRequired: "Sign in to continue.",
};

export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERRORS[code] ?? "Sign-in didn't work. Try again.";
}

type Props = { callbackUrl: string; initialError: string | null };

export function SignInForm({ callbackUrl, initialError }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(
    initialError ? signInErrorMessage(initialError) : null,
  );
  const [submitting, setSubmitting] = useState(false);

  // GitHub, Google and an OpenID Connect provider appear only when the server has them configured.
  const { data: providers } = useSignInProviders();
  const oauthProviders = Object.values(providers ?? {}).filter((p) => p.type === "oauth");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const missing = {
      email: email.trim() ? undefined : "Enter your email.",
      password: password ? undefined : "Enter your password.",
    };
    setErrors(missing);
    if (missing.email || missing.password) {
      document.getElementById(fieldId(missing.email ? "email" : "password"))?.focus();
      return;
    }

    setFormError(null);
    setSubmitting(true);
    const result = await signIn("credentials", {
      email: email.trim(),
      password,
      redirect: false,
    }).catch(() => undefined);
    if (!result || result.error) {
      setSubmitting(false);
      setFormError(signInErrorMessage(result?.error ?? ""));
      return;
    }
    // No router.refresh() after the push: it could cancel the navigation, and the destination is
    // rendered afresh anyway (dynamic pages aren't kept in the router cache).
    router.push(callbackUrl);
    // Everything cached so far was fetched signed out (follow buttons, relations).
    void queryClient.invalidateQueries();
  }

  return (
    <div className="space-y-6">
      {/* Without scripts (JavaScript off, or submitted before hydration) the form posts to a
          server action; with them, onSubmit signs in and the action isn't called. Either way
          the password never goes into a URL. */}
      <form noValidate onSubmit={onSubmit} action={signInAction} className="space-y-5">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {formError ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
          >
            {formError}
          </p>
        ) : null}
        <FormField label="Email" name="email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </FormField>
        <FormField label="Password" name="password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
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
              <Spinner /> Signing in…
            </>
          ) : (
            "Sign in"
          )}
        </button>
      </form>

      {oauthProviders.length > 0 ? (
        <div className="space-y-3">
          <div className="flex items-center gap-3 text-sm text-stone-600">
            <span className="h-px flex-1 bg-stone-200" />
            or
            <span className="h-px flex-1 bg-stone-200" />
          </div>
          {oauthProviders.map((provider) => (
            <button
              key={provider.id}
              type="button"
              onClick={() => void signIn(provider.id, { callbackUrl })}
              className={buttonClassName({ variant: "secondary", className: "w-full" })}
            >
              Continue with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
