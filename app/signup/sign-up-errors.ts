// What the sign-up page says after its no-script action refused (?error=&field=). Fixed texts
// keyed by code, never text taken from the URL, which anyone can write.

export type SignUpErrorCode = "invalid" | "taken" | "rate_limited" | "failed";

const FIELD_RULES: Record<string, string> = {
  email: "Enter a valid email address.",
  username: "Choose a username of 3–30 letters, digits or underscores.",
  displayName: "Enter a display name of up to 50 characters.",
  password:
    "Choose a password of at least 10 characters, with letters and a digit or symbol, that isn't a common one.",
};

export function signUpErrorMessage(code: string, field: string | undefined): string {
  if (code === "invalid") return (field && FIELD_RULES[field]) || "Check the fields and try again.";
  if (code === "taken") {
    return field === "username"
      ? "That username is already taken or not available."
      : "That email already has an account. Sign in instead.";
  }
  if (code === "rate_limited") return "Too many attempts. Wait a few minutes and try again.";
  return "Creating your account didn't work. Try again.";
}
