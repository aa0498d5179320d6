// Tests, the seed and the benchmark create and drop databases and write users: refuse to point
// them at anything but this machine, so a stray DATABASE_URL (or TEST_BASE_URL) in a shell can't
// touch a shared server.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True when a URL's host is this machine (a Unix socket counts: `?host=/var/run/postgresql`). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const socketHost = parsed.searchParams.get("host");
  if (socketHost !== null && !socketHost.startsWith("/")) return false;
  if (parsed.hostname === "") return socketHost !== null || parsed.protocol.startsWith("postgres");
  return LOCAL_HOSTS.has(parsed.hostname);
}

export function assertLocalDatabase(databaseUrl: string): void {
  if (!isLocalUrl(databaseUrl)) {
    throw new Error(
      `Refusing to run tests against a non-local database (${redact(databaseUrl)}). ` +
        "Point DATABASE_URL at localhost, or unset it to use the embedded database.",
    );
  }
}

export function assertLocalServer(baseUrl: string): void {
  if (!isLocalUrl(baseUrl)) {
    throw new Error(`Refusing to run tests against a non-local server (${baseUrl}).`);
  }
}

/** The URL without its password, for error messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}
