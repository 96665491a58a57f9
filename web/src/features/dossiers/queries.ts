import type { Role } from '@core/access/roles';
import { type Action, FORM_CODES, type FormCode } from '@core/dossier/actions';
import { dossierSummary, dossierView } from '@core/dossier/api';
import type { intakeBody } from '@core/dossier/intake';
import { checklistFor } from '@core/dossier/policy';
import type { Queue } from '@core/dossier/queues';
import type { Status } from '@core/dossier/status';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '../../lib/api';
import { useProcedure } from '../catalogue/queries';

/*
 * The server's detail and list-item views (server/features/dossiers/present.ts) extend the shared
 * core schemas by a few fields; they are repeated here because the client may not import server/.
 */
const fileSchema = z.object({ id: z.string(), componentId: z.string(), sha256: z.string(), mime: z.string(), size: z.number(), filename: z.string(), uploadedAt: z.string() });

/** The dossier page's data: the core view plus the row id, the applicant, files and printable forms. */
export const dossierDetailSchema = dossierView.extend({
  id: z.string(),
  applicant: z.object({ kind: z.enum(['citizen', 'organisation']), idNumber: z.string(), name: z.string(), contact: z.record(z.string(), z.unknown()) }),
  procedureName: z.string(),
  files: z.array(fileSchema),
  forms: z.array(z.enum(FORM_CODES)),
});
/** A dossier as the dossier page shows it. */
export type DossierDetail = z.infer<typeof dossierDetailSchema>;
/** A stored scan of a component. */
export type DossierFile = z.infer<typeof fileSchema>;

/** One row of the list: the core summary, the row id and the applicant (CCCD masked by the server). */
export const dossierListItemSchema = dossierSummary.extend({ id: z.string(), applicantName: z.string(), applicantIdNumber: z.string() });
/** A row of the dossier list. */
export type DossierListItem = z.infer<typeof dossierListItemSchema>;

const listAnswer = z.object({ items: z.array(dossierListItemSchema), total: z.number().int() });
const detailAnswer = z.object({ dossier: dossierDetailSchema });
const actionAnswer = detailAnswer.extend({ forms: z.array(z.enum(FORM_CODES)) });
const filesAnswer = z.object({ files: z.array(fileSchema) });

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

/** Counter or postal intake: a `new` dossier in the officer's unit. */
export function useCreateDossier() {
  const remember = useRemember();
  return useMutation({
    mutationFn: async (body: z.input<typeof intakeBody>) => (await api.post('/api/v1/dossiers', body, detailAnswer)).dossier,
    onSuccess: remember,
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
 * The intake checklist of a procedure (ids "1", "2"… as the server numbers them). The dossier view
 * does not carry it, so it is derived from the catalogue's current version of the procedure.
 */
export function useChecklist(procedureCode: string) {
  const procedure = useProcedure(procedureCode);
  const components = procedure.data?.procedure.components;
  return {
    ...procedure,
    checklist: components ? checklistFor(components) : undefined,
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
