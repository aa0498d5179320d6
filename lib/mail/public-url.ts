import "server-only";

/**
 * The site's public origin for links in mail. Mail is written by a background function, with no
 * request to take a host from, and a host taken from a request would let anyone who forges the
 * Host header have reset links point at their own site: NEXTAUTH_URL, else the local default.
 */
export function publicUrl(): string {
  const configured = process.env.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : "http://localhost:3000";
}

/** The app's name, as mail shows it. */
export const APP_NAME = "Grover";
