import { type Unit, unitSchema } from '@core/org/unit';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';

const unitsResponse = z.object({ units: z.array(unitSchema) });

/** The whole organisation tree, closed units included; public, so it survives sign-out. */
export function useUnits() {
  return useQuery({
    queryKey: ['public', 'units'],
    queryFn: async (): Promise<Unit[]> => (await api.get('/api/v1/units', unitsResponse)).units,
    staleTime: 5 * 60_000,
  });
}
