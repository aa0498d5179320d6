import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { pagedQuery } from "@/client/paged-query";
import { paymentKeys, postKeys } from "@/client/query-keys";
import type {
  TBalance,
  TCreatePaymentBody,
  TCreatePaymentResponse,
  TCreatePayoutBody,
  TLedgerEntry,
  TPayment,
  TPayout,
} from "@/lib/payments/payments.types";

const PAGE_SIZE = 20;

export function useBalance() {
  return useQuery({
    queryKey: paymentKeys.balance(),
    queryFn: ({ signal }) => apiFetch<TBalance>("/api/payments/balance", { signal }),
    retry: retryUnlessClientError,
  });
}

export const useLedger = () =>
  useInfiniteQuery(
    pagedQuery<TLedgerEntry>(paymentKeys.ledger(), "/api/payments/ledger", PAGE_SIZE),
  );
export const usePayouts = () =>
  useInfiniteQuery(pagedQuery<TPayout>(paymentKeys.payouts(), "/api/payments/payout", PAGE_SIZE));
export const usePurchases = () =>
  useInfiniteQuery(
    pagedQuery<TPayment>(paymentKeys.purchases(), "/api/payments/purchases", PAGE_SIZE),
  );

/** Withdraws; the balance, ledger and payouts refresh after. */
export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePayoutBody) =>
      apiFetch<TPayout>("/api/payments/payout", { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: paymentKeys.all }),
  });
}

/** Asks PayPal for a payout's status; a failed one puts money back, so everything refreshes. */
export function useRefreshPayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<TPayout>(`/api/payments/payout/${encodeURIComponent(id)}/status`),
    onSettled: () => client.invalidateQueries({ queryKey: paymentKeys.all }),
  });
}

export function useCreatePayment() {
  return useMutation({
    mutationFn: (body: TCreatePaymentBody) =>
      apiFetch<TCreatePaymentResponse>("/api/payments/create", { method: "POST", body }),
  });
}

export function useExecutePayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      apiFetch<TPayment>("/api/payments/execute", { method: "POST", body: { orderId } }),
    // A bought post unlocks: every cached copy of posts is refetched when next shown.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: postKeys.all });
      void client.invalidateQueries({ queryKey: paymentKeys.all });
    },
  });
}
