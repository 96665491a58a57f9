import { type DraftData, type DraftView, draftListResponse, draftView, type SubmitResponse, submitResponse } from '@core/portal/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import './register-texts';

/** Drafts carry personal data: their cache goes with the session (not under `public`). */
export const DRAFTS_KEY = ['portal', 'drafts'] as const;
/** The cache key of one draft. */
export const draftKey = (id: string) => [...DRAFTS_KEY, 'one', id] as const;
const listKey = [...DRAFTS_KEY, 'list'] as const;

const base = '/api/v1/portal/drafts';
/** The address of a draft (and, with a suffix, of its files or its submission). */
export const draftUrl = (id: string, suffix = '') => `${base}/${encodeURIComponent(id)}${suffix}`;

/** The person's open drafts, newest first: what they started here or on another device. */
export function useDrafts() {
  return useQuery({
    queryKey: listKey,
    queryFn: async () => (await api.get(base, draftListResponse)).items,
    staleTime: 0,
  });
}

/** One draft with its checklist and what submission still lacks. */
export function useDraft(id: string) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: () => api.get(draftUrl(id), draftView),
    // The form holds the person's edits; a background refetch must not replace them (autosave does).
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
}

/** Fetches a draft afresh (after a stale save), bypassing and then updating the cache. */
export function fetchDraft(id: string): Promise<DraftView> {
  return api.get(draftUrl(id), draftView);
}

/** Saves the whole draft data against the version the form started from (409 when another save came first). */
export function saveDraft(id: string, version: number, data: DraftData): Promise<DraftView> {
  return api.put(draftUrl(id), { version, data }, draftView);
}

/** Starts a draft of a procedure (its current version), optionally for a chosen receiving unit. */
export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { procedureCode: string; receivingUnitCode?: string }) => api.post(base, body, draftView),
    onSuccess: (draft) => {
      queryClient.setQueryData(draftKey(draft.id), draft);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

/** Deletes a draft and its files. */
export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(draftUrl(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: draftKey(id) });
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

/** Removes one uploaded file; the answer is the draft with its checklist updated. */
export function deleteDraftFile(id: string, fileId: string): Promise<DraftView> {
  return api.delete(draftUrl(id, `/files/${encodeURIComponent(fileId)}`), draftView);
}

/** Submits the draft. The server answers the same dossier to a repeated submit, so a retry is safe. */
export function useSubmitDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<SubmitResponse> => api.post(draftUrl(id, '/submit'), undefined, submitResponse),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DRAFTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['portal', 'dossiers'] });
    },
  });
}
