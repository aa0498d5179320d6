import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The Session row behind this cookie; revoking it signs the cookie out. */
    sid?: string;
  }
}
