import { drillResponse, indexResponse, trendResponse, unitsResponse } from '@core/index/api';
import { type TargetsBody, targetsResponse } from '@core/index/targets';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { type Period, periodQuery } from './period';

const enc = encodeURIComponent;
/** The index is live (each action counts within a second): an open dashboard refreshes itself this often. */
const LIVE_MS = 30_000;

/** The parent and the units directly under it, for the ranking and the heat table. */
export function useUnitsIndex(parent: string | undefined, p: Period) {
  return useQuery({
    queryKey: ['index', 'units', parent ?? null, p],
    queryFn: () => api.get(`/api/v1/index/units?${parent ? `parent=${enc(parent)}&` : ''}${periodQuery(p)}`, unitsResponse),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

/** One unit's index. */
export function useUnitIndex(unit: string | null, p: Period) {
  return useQuery({ queryKey: ['index', 'unit', unit, p], queryFn: () => api.get(`/api/v1/index?unit=${enc(unit!)}&${periodQuery(p)}`, indexResponse), enabled: unit !== null, refetchInterval: LIVE_MS });
}

/** The index of each month of a year. */
export function useTrend(unit: string | null, year: number) {
  return useQuery({ queryKey: ['index', 'trend', unit, year], queryFn: () => api.get(`/api/v1/index/trend?unit=${enc(unit!)}&year=${year}`, trendResponse), enabled: unit !== null });
}

/** What an indicator counted, a page at a time. */
export function useDrill(indicator: string, q: { unit: string; part: 'numerator' | 'denominator'; limit: number; offset: number } & Period) {
  return useQuery({
    queryKey: ['index', 'drill', indicator, q],
    queryFn: () => api.get(`/api/v1/index/${enc(indicator)}/dossiers?unit=${enc(q.unit)}&${periodQuery(q)}&part=${q.part}&limit=${q.limit}&offset=${q.offset}`, drillResponse),
    placeholderData: keepPreviousData,
  });
}

/** A unit's targets for a year. */
export function useTargets(unit: string | null, year: number) {
  return useQuery({ queryKey: ['index', 'targets', unit, year], queryFn: () => api.get(`/api/v1/index/targets?unit=${enc(unit!)}&year=${year}`, targetsResponse), enabled: unit !== null });
}

/** Sets (or removes) targets. */
export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetsBody) => api.put('/api/v1/index/targets', body, targetsResponse),
    onSuccess: (saved) => client.setQueryData(['index', 'targets', saved.unit.code, saved.year], saved),
  });
}

/** The report exports of the units under a parent. */
export const exportUrl = (kind: 'xlsx' | 'pdf', parent: string | undefined, p: Period) => `/api/v1/index/export.${kind}?${parent ? `parent=${enc(parent)}&` : ''}${periodQuery(p)}`;
