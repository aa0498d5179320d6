import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { TEmailKind } from "./email-kinds";
import { setEmailKinds } from "./set-email-kinds";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** Switches off the kind an unsubscribe link names, for the user it names: no sign-in needed. */
export async function unsubscribeEmail(token: string): Promise<{ kind: TEmailKind }> {
  const target = readUnsubscribeToken(token);
  if (!target) throw new ApiError("bad_request", "This unsubscribe link is not valid.");
  await setEmailKinds(target.userId, { [target.kind]: false });
  return { kind: target.kind };
}
