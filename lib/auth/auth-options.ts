import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { ZSignInBodySchema } from "@/lib/users/users.types";
import { authSecret } from "./auth-secret";
import { createWebSession } from "./create-session";
import { linkOAuthAccount } from "./link-oauth-account";
import { revokeSessionById } from "./revoke-session-by-id";
import { safeCallbackPath } from "./safe-callback-url";

/** The request next-auth is handling: who sent it, and where to report a rate-limit refusal. */
export type SignInRequest = {
  ip: string;
  /** next-auth can only pass an error code on; the handler answers 429 with the real wait. */
  onRateLimited: (error: ApiError) => void;
};

function providers(request: SignInRequest): NextAuthOptions["providers"] {
  const { GITHUB_ID, GITHUB_SECRET, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET } = env();
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
  // Each OAuth provider is offered only when its credentials are configured.
  if (GITHUB_ID && GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));
  }
  if (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

/**
 * next-auth for the web UI. The cookie holds a JWT whose `sid` names a row in Session, which
 * every request checks (lib/auth/resolve-viewer.ts): a JWT alone could not be revoked.
 */
export function authOptions(request: SignInRequest): NextAuthOptions {
  const maxAge = env().SESSION_TTL_DAYS * 86_400;
  return {
    secret: authSecret(),
    providers: providers(request),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (!user || !account) return token;
        const userId =
          account.provider === "credentials"
            ? user.id
            : await linkOAuthAccount({
                provider: account.provider,
                providerAccountId: account.providerAccountId,
                email: user.email,
                name: user.name,
                login: (profile as { login?: string } | undefined)?.login,
              });
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
