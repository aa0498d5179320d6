// The browser side of the API contract: JSON in and out, and every error body
// ({ error: { code, message, details } }) turned into one error class the UI can branch on.

export type ApiErrorDetail = { path: string; code: string; message: string };

export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type ApiFetchOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
};

function isErrorBody(value: unknown): value is {
  error: { code: string; message: string; details?: unknown };
} {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** Calls the app's own API with the session cookie. Resolves to the JSON body (undefined on 204). */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "same-origin",
    });
  } catch (error) {
    // Aborts are React Query cancelling a request: let them through untouched.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiClientError(0, "network_error", "Couldn't reach Grover. Check your connection.");
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page, say): handled below by status.
  }

  if (!res.ok) {
    if (isErrorBody(json)) {
      const { code, message, details } = json.error;
      throw new ApiClientError(res.status, code, message, details);
    }
    throw new ApiClientError(res.status, "http_error", `The server answered ${res.status}.`);
  }
  return json as T;
}

/** Turns a query string object into `?a=1&b=2`, leaving out empty values. */
export function toQueryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** React Query retry policy: a 4xx will answer the same next time, so only retry the rest once. */
export function retryUnlessClientError(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiClientError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}
