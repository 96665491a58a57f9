import { boardResponse, ratesResponse } from '@core/catalogue/publication-api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Open publication obligations per responsible department, judged today. */
export function usePublicationBoard() {
  return useQuery({ queryKey: ['publication', 'board'], queryFn: () => api.get('/api/v1/publication/board', boardResponse), staleTime: 60_000 });
}

/** The publicity rates per unit for a period (both ends inclusive). */
export function usePublicationRates(from: string, to: string) {
  return useQuery({
    queryKey: ['publication', 'rates', from, to],
    queryFn: () => api.get(`/api/v1/publication/rates?${new URLSearchParams({ from, to })}`, ratesResponse),
    enabled: Boolean(from && to && from <= to),
    staleTime: 60_000,
  });
}
