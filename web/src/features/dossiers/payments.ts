import { type PaymentsResponse, type RecordPaymentBody, paymentsResponse, recordPaymentResponse } from '@core/payment/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';

/** Under the dossiers' key: payments carry personal data and go with the session. */
const paymentsKey = (ref: string) => ['dossiers', 'payments', ref] as const;
const base = (ref: string) => `/api/v1/dossiers/${encodeURIComponent(ref)}/payments`;

/** A dossier's payments and what is due (the server's view, core/payment/api.ts). */
export function useDossierPayments(ref: string) {
  return useQuery<PaymentsResponse>({
    queryKey: paymentsKey(ref),
    queryFn: () => api.get(base(ref), paymentsResponse),
    staleTime: 5_000,
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
}

/** Records a counter or postal payment; the dossier reloads too (a payment may perform fee_paid). */
export function useRecordPayment(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPaymentBody) => api.post(base(ref), body, recordPaymentResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}
