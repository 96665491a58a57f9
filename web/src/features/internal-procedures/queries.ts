import { procedureDetail, procedureList, summaryView } from '@core/internal-procedures/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

const KEY = ['internal-procedures'] as const;

/** Procedures in the caller's scope. */
export function useProcedures() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api.get('/api/v1/internal-procedures', procedureList), staleTime: 10_000 });
}

/** The summary board (default target). */
export function useSummary() {
  return useQuery({ queryKey: [...KEY, 'summary'], queryFn: () => api.get('/api/v1/internal-procedures/summary', summaryView), staleTime: 10_000 });
}

/** One procedure with its versions and reviews. */
export function useProcedure(id: string) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get(`/api/v1/internal-procedures/${encodeURIComponent(id)}`, procedureDetail), staleTime: 10_000 });
}
