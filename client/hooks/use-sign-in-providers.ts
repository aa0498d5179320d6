import { useQuery } from "@tanstack/react-query";
import { getProviders } from "next-auth/react";
import { authKeys } from "@/client/query-keys";

/** The sign-in providers the server has configured (GitHub and Google appear only then). */
export function useSignInProviders() {
  return useQuery({
    queryKey: authKeys.providers(),
    queryFn: () => getProviders(),
    staleTime: Infinity,
  });
}
