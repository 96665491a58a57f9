import type { Role } from '@core/access/roles';
import { type Action, FORM_CODES, type FormCode } from '@core/dossier/actions';
import { type DossierDetail, type DossierListItem, dossierDetail, dossierListItem, fileView } from '@core/dossier/api';
import type { intakeBody } from '@core/dossier/intake';
import type { Queue } from '@core/dossier/queues';
import type { Status } from '@core/dossier/status';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '../../lib/api';
import { useMe } from '../auth/session';
import { useProcedure } from '../catalogue/queries';
import { uploadWithProgress } from '../../lib/upload';

/** The dossier page's data and the list's rows: the server's views, defined once in core/dossier/api.ts. */
export type { DossierDetail, DossierListItem };
/** A stored scan of a component. */
export type DossierFile = z.infer<typeof fileView>;

const listAnswer = z.object({ items: z.array(dossierListItem), total: z.number().int() });
const detailAnswer = z.object({ dossier: dossierDetail });
const actionAnswer = detailAnswer.extend({ forms: z.array(z.enum(FORM_CODES)) });
const filesAnswer = z.object({ files: z.array(fileView) });

/** Dossiers carry personal data: their cache goes with the session (not under `public`). */
const DOSSIERS_KEY = ['dossiers'] as const;
const detailKey = (ref: string) => [...DOSSIERS_KEY, 'detail', ref] as const;

/** Rows per page of the list. */
export const LIST_PAGE_SIZE = 20;

/** The list's filters, as kept in the address bar ('' = not set). */
export interface ListFilters {
  queue: Queue | '';
  status: Status | '';
  procedure: string;
  q: string;
  from: string;
  to: string;
  page: number;
}

/** One page of the dossiers the signed-in person may see; the previous page stays while the next loads. */
export function useDossierList(filters: ListFilters) {
  const params = new URLSearchParams();
  for (const key of ['queue', 'status', 'procedure', 'q', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]);
  params.set('limit', String(LIST_PAGE_SIZE));
  params.set('offset', String((filters.page - 1) * LIST_PAGE_SIZE));
  return useQuery({
    queryKey: [...DOSSIERS_KEY, 'list', params.toString()],
    queryFn: () => api.get(`/api/v1/dossiers?${params}`, listAnswer),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** One dossier by code (or id before acceptance), with the actions the signed-in person may take now. */
export function useDossier(ref: string) {
  return useQuery({
    queryKey: detailKey(ref),
    queryFn: async () => (await api.get(`/api/v1/dossiers/${encodeURIComponent(ref)}`, detailAnswer)).dossier,
    staleTime: 5_000,
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
}

/** Keeps a fresh dossier view under its id and its code, and makes lists reload. */
function useRemember() {
  const queryClient = useQueryClient();
  return (dossier: DossierDetail) => {
    queryClient.setQueryData(detailKey(dossier.id), dossier);
    if (dossier.code) queryClient.setQueryData(detailKey(dossier.code), dossier);
    void queryClient.invalidateQueries({ queryKey: [...DOSSIERS_KEY, 'list'] });
  };
}

/** What the counter sends in one request: the intake, each scan after its component, the accept when the check passed. */
export interface CounterIntake {
  intake: z.input<typeof intakeBody>;
  scans: readonly { componentId: string; file: File }[];
  /** The accept's input without the code (the server numbers the dossier); absent = registered as `new`. */
  accept?: { components: string[]; receipt?: boolean };
  /** Called as the request's body goes out, with the share sent (0…1). */
  onProgress: (fraction: number) => void;
}

/**
 * Counter or postal intake in one multipart `POST /api/v1/dossiers`: the dossier is registered in the
 * officer's unit with its scans and, with `accept`, accepted and numbered. Sent with upload progress.
 */
export function useCounterIntake() {
  const remember = useRemember();
  const csrfToken = useMe().data?.csrfToken ?? null;
  return useMutation({
    mutationFn: ({ intake, scans, accept, onProgress }: CounterIntake) => {
      const form = new FormData();
      form.append('intake', JSON.stringify(intake));
      if (accept) form.append('accept', JSON.stringify(accept));
      for (const { componentId, file } of scans) {
        form.append('componentId', componentId);
        form.append('file', file, file.name);
      }
      return uploadWithProgress('/api/v1/dossiers', form, { csrfToken, parser: actionAnswer, onProgress }).done;
    },
    onSuccess: (outcome) => remember(outcome.dossier),
  });
}

/** Uploads scans, each after its component id (one request, checked by content on the server). */
export function useUploadFiles(dossier: DossierDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (files: { componentId: string; file: File }[]) => {
      const form = new FormData();
      for (const { componentId, file } of files) {
        form.append('componentId', componentId);
        form.append('file', file, file.name);
      }
      return (await api.upload(`/api/v1/dossiers/${encodeURIComponent(dossier.code ?? dossier.id)}/files`, form, filesAnswer)).files;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...DOSSIERS_KEY, 'detail'] }),
  });
}

/** What an action answered: the new view and the forms it issued. */
export type ActionOutcome = z.infer<typeof actionAnswer>;

/** Performs one workflow action with the version the page shows (409 DOSSIER_VERSION_STALE when someone was faster). */
export function useDossierAction(dossier: DossierDetail) {
  const remember = useRemember();
  return useMutation({
    mutationFn: ({ action, input }: { action: Action; input: Record<string, unknown> }) =>
      api.post(`/api/v1/dossiers/${encodeURIComponent(dossier.code ?? dossier.id)}/actions/${action}`, { version: dossier.version, input }, actionAnswer),
    onSuccess: (outcome) => remember(outcome.dossier),
  });
}

/** Reloads the dossier views (after a stale-version answer). */
export function useReloadDossiers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: DOSSIERS_KEY });
}

/** Where a form of the dossier downloads as PDF (rendered by the server on each download). */
export function formUrl(dossier: Pick<DossierDetail, 'code' | 'id'>, form: FormCode): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossier.code ?? dossier.id)}/forms/${form}.pdf`;
}

/**
 * What the screens take from the procedure's catalogue entry besides the dossier's own checklist
 * (which the dossier view carries, from the version the dossier keeps): whether the result is
 * immediate (accept then asks about a receipt) and the implementing units (offered first for a hand-over).
 */
export function useProcedureFacts(procedureCode: string) {
  const procedure = useProcedure(procedureCode);
  return {
    ...procedure,
    immediate: procedure.data?.procedure.processingTime?.unit === 'immediate',
    implementingUnits: procedure.data?.procedure.implementingUnits ?? [],
  };
}

/** A staff account as the users API lists it (only what the dossier screens need). */
export interface StaffMember {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  roles: { role: Role; unitId: string; includeSubtree: boolean }[];
}

/** Staff accounts in the person's scope, for names and for picking an assignee; only for holders of `users.read`. */
export function useStaffDirectory(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api.get<{ users: StaffMember[] }>('/api/v1/users')).users,
    enabled,
    staleTime: 5 * 60_000,
  });
}
