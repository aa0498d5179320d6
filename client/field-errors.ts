// Field-level error messages for forms, from the client's own zod check or from the API's
// answer (a 400's `details: [{ path, code, message }]`, a 409's `details: { field }`), worded
// the same either way.
import type { z } from "zod";
import { ApiClientError } from "./api-fetch";

export type FieldErrors = Record<string, string>;

/**
 * "Password must be at least 10 characters." The schemas' own messages are predicates
 * ("must …", "is …", "may …") written to follow a field name; zod's defaults are not.
 */
export function fieldMessage(label: string, code: string, message: string): string {
  if (/^(must|may|is)\b/.test(message)) return `${label} ${message}.`;
  const limit = /(\d+)/.exec(message)?.[1];
  if (code === "too_big") {
    return limit ? `${label} must be at most ${limit} characters.` : `${label} is too long.`;
  }
  if (code === "too_small") {
    return limit ? `${label} must be at least ${limit} characters.` : `${label} is too short.`;
  }
  if (code === "invalid_type") return `${label} is required.`;
  return `${label} is not valid.`;
}

function add(
  errors: FieldErrors,
  labels: Record<string, string>,
  path: string,
  code: string,
  message: string,
) {
  const field = path.split(".")[0];
  if (!field || errors[field]) return;
  errors[field] = fieldMessage(labels[field] ?? field, code, message);
}

// A union ("" or a URL) fails with a bare "Invalid input"; the useful message is in the branch
// that got furthest, e.g. "must be an http(s) URL".
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union") return issue;
  const nested = issue.errors.flat().find((i) => /^(must|may|is)\b/.test(i.message));
  return nested ?? issue;
}

export function zodFieldErrors(error: z.ZodError, labels: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const { code, message } = innermost(issue);
    add(errors, labels, issue.path.map(String).join("."), code, message);
  }
  return errors;
}

export function apiFieldErrors(error: unknown, labels: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiClientError)) return errors;
  if (error.code === "validation_failed" && Array.isArray(error.details)) {
    for (const detail of error.details as { path?: unknown; code?: unknown; message?: unknown }[]) {
      if (typeof detail.path !== "string" || typeof detail.message !== "string") continue;
      add(errors, labels, detail.path, String(detail.code ?? ""), detail.message);
    }
  }
  if (error.code === "conflict" && typeof error.details === "object" && error.details !== null) {
    const field = (error.details as { field?: unknown }).field;
    // The conflict's message is already a sentence: "That username is already taken."
    if (typeof field === "string") errors[field] = error.message;
  }
  return errors;
}

/** A message for an error that belongs to no field. */
export function formErrorMessage(error: unknown): string {
  if (error instanceof ApiClientError) {
    if (error.code === "rate_limited") return "Too many attempts. Wait a minute and try again.";
    if (error.status === 0) return error.message;
    if (error.status >= 500) {
      return "Something went wrong on our side. Try again in a moment.";
    }
    return error.message;
  }
  return "Something went wrong. Try again.";
}
