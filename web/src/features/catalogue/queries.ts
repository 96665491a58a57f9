import { fieldsResponse, type ImportReport, importReport, procedureDetail, procedureUnitsResponse, searchResponse, versionsResponse } from '@core/catalogue/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '../../lib/api';

/** The catalogue is public: its cache survives sign-out. */
const CATALOGUE_KEY = ['public', 'catalogue'] as const;

/** Results per page of the public search. */
export const PAGE_SIZE = 20;

/** The filters of the public search, as kept in the address bar. */
export interface SearchFilters {
  q: string;
  field: string;
  level: string;
  online: string;
  unit: string;
  page: number;
}

/** One page of the public search; the previous page stays shown while the next loads. */
export function useProcedureSearch(filters: SearchFilters) {
  const params = new URLSearchParams();
  for (const key of ['q', 'field', 'level', 'online', 'unit'] as const) if (filters[key]) params.set(key, filters[key]);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((filters.page - 1) * PAGE_SIZE));
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'search', params.toString()],
    queryFn: () => api.get(`/api/v1/procedures?${params}`, searchResponse),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Fields (lĩnh vực) with their counts, for the filter. */
export function useProcedureFields() {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'fields'],
    queryFn: async () => (await api.get('/api/v1/procedure-fields', fieldsResponse)).fields,
    staleTime: 5 * 60_000,
  });
}

/** Units that carry out or answer for procedures, for the filter. */
export function useProcedureUnits() {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'units'],
    queryFn: async () => (await api.get('/api/v1/procedure-units', procedureUnitsResponse)).units,
    staleTime: 5 * 60_000,
  });
}

const detailResponse = z.object({ procedure: procedureDetail });

/** The procedure page (current version). */
export function useProcedure(code: string) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'procedure', code],
    queryFn: async () => (await api.get(`/api/v1/procedures/${encodeURIComponent(code)}`, detailResponse)).procedure,
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

/** The version history of a procedure, newest first. */
export function useProcedureVersions(code: string) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'versions', code],
    queryFn: () => api.get(`/api/v1/procedures/${encodeURIComponent(code)}/versions`, versionsResponse),
    staleTime: 60_000,
  });
}

/** An import answer: the report, and the server's summary message when it was rejected. */
export interface ImportOutcome {
  report: ImportReport;
  rejected: string | null;
}

const rejectedResponse = importReport.extend({ error: z.object({ code: z.string(), message: z.string() }) });

/** Uploads a catalogue file. A rejected file (422) still answers the full report with every error row. */
async function uploadCatalogue(file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file);
  try {
    return { report: await api.upload(`/api/v1/procedures/import?dryRun=${dryRun}`, form, importReport), rejected: null };
  } catch (err) {
    const rejected = err instanceof ApiError && err.status === 422 ? rejectedResponse.safeParse(err.body) : undefined;
    if (rejected?.success) return { report: rejected.data, rejected: rejected.data.error.message };
    throw err;
  }
}

/** Imports (or, with `dryRun`, only checks) a catalogue file; a real import refreshes the public catalogue. */
export function useImportCatalogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadCatalogue(file, dryRun),
    onSuccess: (outcome) => {
      if (outcome.report.written) void queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
    },
  });
}
