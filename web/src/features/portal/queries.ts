/**
 * The portal's server state. Answers are typed by the shared schemas (`import type` only): the
 * server checks every answer against them before sending it, and loading zod on a citizen's phone
 * would cost a sixth of the portal's budget (docs/portal.md, Portal web).
 */
import type { CitizenResultsResponse, citizenRatingResponse, FeedbackBody, FeedbackView, RatingBody } from '@core/feedback/api';
import type { PaymentsResponse, StartPaymentResponse } from '@core/payment/api';
import type { PortalDossierDetail, PortalDossierSummary, TrackResponse } from '@core/portal/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** The applicant's rating answer. */
type CitizenRatingResponse = z.infer<typeof citizenRatingResponse>;

/** Personal data: every key starts with `portal`, so it goes with the portal session. */
const KEY = 'portal';
const dossierPath = (code: string, suffix = '') => `/api/v1/portal/dossiers/${encodeURIComponent(code)}${suffix}`;

/** Which dossiers a list shows: not finished, finished, or all. */
export type DossierFilter = 'open' | 'finished' | 'all';
/** Dossiers per page of the list. */
export const PAGE_SIZE = 10;

/** One page of the applicant's dossiers, newest first. */
export function useMyDossiers(filter: DossierFilter, page: number) {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) });
  if (filter !== 'all') query.set('state', filter);
  return useQuery({
    queryKey: [KEY, 'dossiers', filter, page],
    queryFn: () => api.get<{ items: PortalDossierSummary[]; total: number }>(`/api/v1/portal/dossiers?${query}`),
    placeholderData: keepPreviousData,
  });
}

/** One of the applicant's dossiers: status, timeline, due date, unit and what to do now. */
export function usePortalDossier(code: string) {
  return useQuery({ queryKey: [KEY, 'dossier', code], queryFn: () => api.get<PortalDossierDetail>(dossierPath(code)) });
}

/** What is owed and every payment; polled while an online payment waits for the platform's word. */
export function usePayments(code: string, pollWhilePending: boolean) {
  return useQuery({
    queryKey: [KEY, 'dossier', code, 'payments'],
    queryFn: () => api.get<PaymentsResponse>(dossierPath(code, '/payments')),
    refetchInterval: (query) => (pollWhilePending && query.state.data?.payments.some((p) => p.status === 'pending') ? 2000 : false),
  });
}

/** Opens an online payment of what is outstanding; the browser then goes to the platform's page. */
export function useStartPayment(code: string) {
  return useMutation({ mutationFn: () => api.post<StartPaymentResponse>(dossierPath(code, '/payments'), {}) });
}

/** The result documents, once the result is returned online. */
export function useResults(code: string, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'dossier', code, 'results'], queryFn: () => api.get<CitizenResultsResponse>(dossierPath(code, '/results')), enabled });
}

/** The address of a result document (a PDF download, logged by the server). */
export const resultUrl = (code: string, id: string) => dossierPath(code, `/results/${encodeURIComponent(id)}`);
/** The address of a form issued for the dossier. */
export const formUrl = (code: string, form: string) => dossierPath(code, `/forms/${form}.pdf`);
/** The address of a file the applicant sent. */
export const fileUrl = (code: string, id: string) => dossierPath(code, `/files/${encodeURIComponent(id)}`);
/** The confirmation of an online submission (PDF). */
export const receiptUrl = (code: string) => dossierPath(code, '/receipt.pdf');

/** The applicant's rating of the service, and whether they may give one now. */
export function useRating(code: string, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'dossier', code, 'rating'], queryFn: () => api.get<CitizenRatingResponse>(dossierPath(code, '/rating')), enabled });
}

/** Sends the rating of the nine criteria. */
export function useRate(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingBody) => api.post<CitizenRatingResponse>(dossierPath(code, '/rating'), body),
    onSuccess: (answer) => {
      queryClient.setQueryData([KEY, 'dossier', code, 'rating'], answer);
      void queryClient.invalidateQueries({ queryKey: [KEY, 'dossier', code], exact: true });
    },
  });
}

/** One file answering an item of the supplement request. */
export interface SupplementFile {
  componentId: string;
  file: File;
}

/** Answers the open supplement request with files; the answer is the dossier as it is now. */
export function useAnswerSupplement(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: SupplementFile[]) => {
      const form = new FormData();
      // The server reads each file's item from the `componentId` field sent just before it.
      for (const { componentId, file } of files) {
        form.append('componentId', componentId);
        form.append('file', file, file.name);
      }
      return api.upload<PortalDossierDetail>(dossierPath(code, '/supplement'), form);
    },
    onSuccess: (dossier) => {
      queryClient.setQueryData([KEY, 'dossier', code], dossier);
      void queryClient.invalidateQueries({ queryKey: [KEY, 'dossiers'] });
    },
  });
}

/** The public lookup by dossier code and the secret on its receipt (no sign-in). */
export function useTrack(lookup: { code: string; secret: string } | null) {
  return useQuery({
    queryKey: ['public', 'track', lookup?.code, lookup?.secret],
    queryFn: () => api.get<TrackResponse>(`/api/v1/track/${encodeURIComponent(lookup?.code ?? '')}?${new URLSearchParams({ secret: lookup?.secret ?? '' })}`),
    enabled: lookup !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/** The applicant's own feedback (phản ánh, kiến nghị), newest first, with the unit's answers. */
export function useMyFeedback() {
  return useQuery({ queryKey: [KEY, 'feedback'], queryFn: async () => (await api.get<{ items: FeedbackView[] }>('/api/v1/portal/feedback')).items });
}

/** Sends a feedback to the unit handling a dossier, or to a chosen unit. */
export function useSendFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) => api.post<{ feedback: FeedbackView }>('/api/v1/portal/feedback', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [KEY, 'feedback'] }),
  });
}
