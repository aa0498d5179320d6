/**
 * Where to go after signing in: a path on this site, never another origin. An open redirect
 * would let a link to our sign-in page send people to a look-alike that asks for the password
 * again. This is the one rule for every callback: the sign-in page, the no-script sign-in and
 * sign-up actions, and next-auth's `redirect` callback.
 *
 * `origin` is this site's origin (`https://grover.example`); absolute URLs of that origin are
 * accepted, because next-auth hands those over. The answer is always a path starting with one
 * slash, so it can't be read as another host whatever the caller prefixes it with.
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw) return "/";
  // The URL parser and browsers drop tabs and newlines and read "\" as "/", so "/\t/evil" and
  // "/\evil" become "//evil", another host; a newline in a Location header is a 500 besides.
  // No real callback has them (query strings arrive percent-encoded).
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  let url: URL;
  let ours: string;
  try {
    ours = new URL(origin).origin;
    url = new URL(raw, ours);
  } catch {
    return "/";
  }
  // javascript:, data: and other hosts all have another origin ("null" for the first two).
  if (url.origin !== ours) return "/";
  // "https://ours//evil" or "/.//evil" parse as ours with the path "//evil", which a browser
  // reads as a protocol-relative URL when it is sent back as a relative Location.
  const path = url.pathname.replace(/^\/{2,}/, "/");
  return `${path}${url.search}${url.hash}`;
}
