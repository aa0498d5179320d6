import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";

/** The standard claims Grover reads from an OpenID Connect ID token. */
export type OidcClaims = {
  sub: string;
  email?: string;
  /** Some providers (Cognito among them) send the string "true". */
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
};

type OidcSettings = { issuer: string; clientId: string; clientSecret: string; name: string };

/**
 * Any OpenID Connect provider, as next-auth 4 takes a custom one: endpoints from the issuer's
 * discovery document, the identity from the signed ID token (no userinfo round trip), and PKCE
 * with state, so a code stolen from the redirect can't be redeemed elsewhere nor one planted in a
 * victim's browser (which would link the planter's identity to the victim's account).
 */
export function oidcProvider({
  issuer,
  clientId,
  clientSecret,
  name,
}: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: "oidc",
    name,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId,
    clientSecret,
    profile(claims) {
      return {
        id: claims.sub,
        name: claims.name ?? claims.preferred_username ?? null,
        email: claims.email ?? null,
        image: null,
      };
    },
  };
}
