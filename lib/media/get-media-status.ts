import "server-only";
import { log } from "@/lib/log";
import { ACCEPTED_TYPES, mediaLimits } from "./media-limits";
import type { TMediaStatus } from "./media.types";
import { mediaStorage } from "./storage";

/** Which store is active, whether it takes writes, and what an upload may be. */
export async function getMediaStatus(): Promise<TMediaStatus> {
  const storage = mediaStorage();
  const healthy = await storage.health().then(
    () => true,
    (error: unknown) => {
      log.warn("media storage unhealthy", { provider: storage.provider, error });
      return false;
    },
  );
  return {
    provider: storage.provider,
    healthy,
    limits: mediaLimits(),
    acceptedTypes: ACCEPTED_TYPES,
  };
}
