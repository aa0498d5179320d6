import "server-only";
import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/config";
import { oidcProvider } from "./oidc-provider";

/**
 * The OAuth and OpenID Connect providers this server offers, each only when its credentials are
 * configured: the sign-in page's buttons and Settings → Account's "Connected accounts" both come
 * from here.
 */
export function oauthProviders(): NextAuthOptions["providers"] {
  const config = env();
  const list: NextAuthOptions["providers"] = [];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    list.push(
      GoogleProvider({
        clientId: config.GOOGLE_CLIENT_ID,
        clientSecret: config.GOOGLE_CLIENT_SECRET,
      }),
    );
  }
  // lib/config.ts has checked that all four are set together.
  if (
    config.OIDC_ISSUER &&
    config.OIDC_CLIENT_ID &&
    config.OIDC_CLIENT_SECRET &&
    config.OIDC_NAME
  ) {
    list.push(
      oidcProvider({
        issuer: config.OIDC_ISSUER,
        clientId: config.OIDC_CLIENT_ID,
        clientSecret: config.OIDC_CLIENT_SECRET,
        name: config.OIDC_NAME,
      }),
    );
  }
  return list;
}
