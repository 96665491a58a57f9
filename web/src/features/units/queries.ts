import type { Unit } from '@core/org/unit';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The whole organisation tree, closed units included; public, so it survives sign-out. */
export function useUnits() {
  return useQuery({
    queryKey: ['public', 'units'],
    // Not re-checked with zod here: the server checks the answer against `unitSchema` before sending
    // it, and the home page must not load the schema library (the portal's budget, docs/portal.md).
    queryFn: async (): Promise<Unit[]> => (await api.get<{ units: Unit[] }>('/api/v1/units')).units,
    staleTime: 5 * 60_000,
  });
}
