import { nextAuthHandler } from "@/lib/auth/next-auth-handler";

// next-auth's endpoints for the web UI; the API contract's own /api/auth/* routes are static
// files beside this one and take precedence.
export { nextAuthHandler as GET, nextAuthHandler as POST };
