import { type FeedbackFilter, staffFeedbackList, staffFeedbackResponse, staffRatingResponse, staffResultsResponse, uploadResultResponse } from '@core/feedback/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Results, ratings and feedback carry personal data: their cache goes with the session, under the dossiers'. */
const resultsKey = (ref: string) => ['dossiers', 'results', ref] as const;
const ratingKey = (ref: string) => ['dossiers', 'rating', ref] as const;
const FEEDBACK_KEY = ['feedback'] as const;

/** Rows per page of the feedback list. */
export const FEEDBACK_PAGE_SIZE = 20;

/** The result documents of a dossier and whether the signed-in person may upload one now. */
export function useResults(ref: string, enabled: boolean) {
  return useQuery({ queryKey: resultsKey(ref), queryFn: () => api.get(`/api/v1/dossiers/${encodeURIComponent(ref)}/results`, staffResultsResponse), enabled, staleTime: 5_000 });
}

/** Uploads a result PDF (optionally replacing a current document); the list reloads. */
export function useUploadResult(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, supersedes }: { file: File; supersedes?: string }) => {
      const form = new FormData();
      if (supersedes) form.append('supersedes', supersedes);
      form.append('file', file);
      return api.upload(`/api/v1/dossiers/${encodeURIComponent(ref)}/results`, form, uploadResultResponse);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKey(ref) }),
  });
}

/** The address a result document downloads from (staff). */
export function resultUrl(ref: string, id: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(ref)}/results/${id}`;
}

/** The applicant's rating of a dossier, if given. */
export function useRating(ref: string, enabled: boolean) {
  return useQuery({ queryKey: ratingKey(ref), queryFn: async () => (await api.get(`/api/v1/dossiers/${encodeURIComponent(ref)}/rating`, staffRatingResponse)).rating, enabled, staleTime: 30_000 });
}

/** One page of the feedback that reached the signed-in person's units; the previous page stays while the next loads. */
export function useFeedbackList(state: FeedbackFilter, page: number) {
  const params = new URLSearchParams({ state, limit: String(FEEDBACK_PAGE_SIZE), offset: String((page - 1) * FEEDBACK_PAGE_SIZE) });
  return useQuery({ queryKey: [...FEEDBACK_KEY, 'list', params.toString()], queryFn: () => api.get(`/api/v1/feedback?${params}`, staffFeedbackList), placeholderData: keepPreviousData, staleTime: 10_000 });
}

/** Answers a feedback; every list reloads. */
export function useAnswerFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => api.post(`/api/v1/feedback/${id}/answer`, { answer }, staffFeedbackResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEEDBACK_KEY }),
  });
}
