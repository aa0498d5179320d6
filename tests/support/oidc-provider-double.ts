// A real OpenID Connect provider on a local port (oauth2-mock-server: discovery, JWKS, authorize
// and token endpoints, RS256-signed ID tokens), for signing in to the app with OIDC_* pointed at
// it. It approves every authorization at once, as the person the test last named with `signInAs`:
// the person is fixed when the browser is sent back with a code, and that code's ID token
// carries their claims.
import { OAuth2Server } from "oauth2-mock-server";

export type OidcPerson = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
};

export type OidcProviderDouble = {
  /** The issuer URL, for OIDC_ISSUER. */
  issuer: string;
  /** OIDC_* for the app's server, with this client id and secret. */
  env: Record<string, string>;
  /** Who the next authorization signs in as. */
  signInAs: (person: OidcPerson) => void;
  stop: () => Promise<void>;
};

export async function startOidcProviderDouble(name = "Acme SSO"): Promise<OidcProviderDouble> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  let next: OidcPerson | undefined;
  const byCode = new Map<string, OidcPerson>();

  server.service.on("beforeAuthorizeRedirect", ({ url }: { url: URL }) => {
    const code = url.searchParams.get("code");
    if (code && next) byCode.set(code, next);
  });
  // Both the access token and the ID token are built from the code's person; the app reads the
  // ID token.
  server.service.on(
    "beforeTokenSigning",
    (token: { payload: Record<string, unknown> }, req: { body?: { code?: string } }) => {
      const person = req.body?.code ? byCode.get(req.body.code) : undefined;
      if (person) Object.assign(token.payload, person);
    },
  );

  await server.start(0, "127.0.0.1");
  // The library names it localhost, which a browser may try on ::1 first, where nothing listens.
  const issuer = `http://127.0.0.1:${server.address().port}`;
  server.issuer.url = issuer;
  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "grover-test",
      OIDC_CLIENT_SECRET: "grover-test-secret",
      OIDC_NAME: name,
    },
    signInAs: (person) => {
      next = person;
    },
    stop: () => server.stop(),
  };
}
