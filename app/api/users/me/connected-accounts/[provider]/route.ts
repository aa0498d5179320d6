import { route } from "@/lib/api/route";
import { ZConnectedProviderParamsSchema } from "@/lib/account/account.types";
import { disconnectProvider } from "@/lib/account/disconnect-provider";

// DELETE /api/users/me/connected-accounts/{provider} – stop signing in with a provider
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/me/connected-accounts/{provider}",
    operationId: "disconnectProvider",
    summary: "Disconnect a sign-in provider",
    description:
      "Removes GitHub, Google or the OpenID Connect provider (`oidc`) as a way to sign in to your account. Not connected: 404. Refused with 422 when it is the only way in (no password, no other provider).",
    tags: ["Account"],
    auth: "required",
    params: ZConnectedProviderParamsSchema,
    errors: ["not_found", "unprocessable"],
  },
  async ({ params, viewer }) => disconnectProvider(viewer.userId, params.provider),
);
