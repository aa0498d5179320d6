import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";

/** Signs out and goes home, for the header's menu and the phone's menu sheet alike. */
export function useSignOut() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async () => {
    // Without a redirect from next-auth, which builds it from NEXTAUTH_URL and can send people
    // to the wrong host when that is unset or stale.
    await signOut({ redirect: false });
    // Everything cached was seen as the signed-in user.
    queryClient.clear();
    router.push("/");
    router.refresh();
  };
}
