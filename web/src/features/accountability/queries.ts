import { formulaView, gradeView, headView, violationDetail } from '@core/accountability/api';
import type { HandlingKind } from '@core/accountability/violations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const KEY = ['accountability'] as const;

const qs = (p: Record<string, string | number | null>) => new URLSearchParams(Object.entries(p).flatMap(([k, v]) => (v === null ? [] : [[k, String(v)]]))).toString();

/** The head's page of a unit (null: the caller's own) for a year. */
export function useHead(unit: string | null, year: number) {
  return useQuery({ queryKey: [...KEY, 'head', unit, year], queryFn: () => api.get(`/api/v1/accountability/head?${qs({ unit, year })}`, headView), staleTime: 10_000 });
}

/** The grade of a unit's head for a year, step by step. */
export function useGrade(unit: string | undefined, year: number) {
  return useQuery({ queryKey: [...KEY, 'grade', unit, year], queryFn: () => api.get(`/api/v1/accountability/grade?${qs({ unit: unit!, year })}`, gradeView), enabled: unit !== undefined, staleTime: 10_000 });
}

/** The formula in force. */
export function useFormula() {
  return useQuery({ queryKey: [...KEY, 'formula'], queryFn: () => api.get('/api/v1/accountability/formula', formulaView), staleTime: 60_000 });
}

/** Records a handling (or the closure) of a violation; every accountability view reloads. */
export function useHandle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (h: { ref: string; kind: HandlingKind; note: string }) => api.post(`/api/v1/accountability/violations/${encodeURIComponent(h.ref)}/handlings`, { kind: h.kind, note: h.note }, violationDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Records a violation found by inspection, with its evidence files. */
export function useRecordViolation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => api.upload('/api/v1/accountability/violations', form, violationDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
