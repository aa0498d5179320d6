import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { ZSignInBodySchema } from "@/lib/users/users.types";
import { authSecret } from "./auth-secret";
import { createWebSession } from "./create-session";
import { linkOAuthAccount, type OAuthIdentity } from "./link-oauth-account";
import { oauthProviders } from "./oauth-providers";
import type { OidcClaims } from "./oidc-provider";
import { revokeSessionById } from "./revoke-session-by-id";
import { safeCallbackPath } from "./safe-callback-url";

/** The request next-auth is handling: who sent it, and where to report a rate-limit refusal. */
export type SignInRequest = {
  ip: string;
  /** next-auth can only pass an error code on; the handler answers 429 with the real wait. */
  onRateLimited: (error: ApiError) => void;
  /**
   * Who is already signed in when a provider's callback arrives: they are linking that identity
   * to their account from Settings → Account (the sign-in page sends signed-in people away).
   */
  viewer: { userId: string; sessionId: string } | null;
};

// Where a refused link is explained: the page it was started from.
const LINK_PAGE = "/settings/account";

/** What a provider told about the person, in the form the linking rules take. */
function identityFrom(
  account: { provider: string; providerAccountId: string },
  user: { email?: string | null; name?: string | null },
  profile: unknown,
): OAuthIdentity {
  const claims = (profile ?? {}) as Partial<OidcClaims> & { login?: string };
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email: user.email,
    // Google and OIDC providers say so in a claim; GitHub's profile doesn't, so it never counts.
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: user.name,
    login: claims.login ?? claims.preferred_username,
  };
}

function providers(request: SignInRequest): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = ZSignInBodySchema.safeParse({
          email: credentials?.email,
          password: credentials?.password,
        });
        if (!parsed.success) return null;
        try {
          const { email, password } = parsed.data;
          return await authenticateWithPassword(email, password, request.ip);
        } catch (error) {
          if (error instanceof ApiError && error.code === "rate_limited") {
            request.onRateLimited(error);
            throw new Error("TooManyAttempts");
          }
          if (error instanceof ApiError && error.code === "account_suspended") {
            throw new Error("AccountSuspended");
          }
          if (error instanceof ApiError) return null;
          throw error;
        }
      },
    }),
  ];
  list.push(...oauthProviders());
  return list;
}

/**
 * next-auth for the web UI. The cookie holds a JWT whose `sid` names a row in Session, which
 * every request checks (lib/auth/resolve-viewer.ts): a JWT alone could not be revoked.
 */
export function authOptions(request: SignInRequest): NextAuthOptions {
  const maxAge = env().SESSION_TTL_DAYS * 86_400;
  // The user the signIn callback chose, for the jwt callback of the same request (these options
  // are built per request).
  let oauthUserId: string | undefined;
  return {
    secret: authSecret(),
    providers: providers(request),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      // Decided here rather than in `jwt`: a refusal returned from this callback becomes a
      // redirect to a page that explains it, where an error thrown later reads "try again".
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const outcome = await linkOAuthAccount(
          identityFrom(account, user, profile),
          request.viewer?.userId ?? null,
        );
        if (!outcome.ok) {
          const page = request.viewer ? LINK_PAGE : "/signin";
          return `${page}?${new URLSearchParams({ error: outcome.error })}`;
        }
        oauthUserId = outcome.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        // Linking from settings keeps the session the person already has.
        if (account.provider !== "credentials" && request.viewer) {
          return { sub: request.viewer.userId, sid: request.viewer.sessionId };
        }
        const userId = account.provider === "credentials" ? user.id : oauthUserId;
        if (!userId) throw new Error("An OAuth sign-in reached the session without a user");
        const { sessionId } = await createWebSession(userId);
        return { sub: userId, sid: sessionId };
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.sub ?? "" } };
      },
      // Where next-auth sends the browser after signing in or out: the one rule for callbacks.
      // next-auth's default kept any url starting with "/", "/\t/evil.example" included.
      async redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSessionById(token.sid);
      },
    },
  };
}
