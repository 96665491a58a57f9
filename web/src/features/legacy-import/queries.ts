import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import { uploadWithProgress } from '../../lib/upload';
import { useMe } from '../auth/session';

export const legacyRun = z.object({
  id: z.string(),
  status: z.enum(['running', 'finished', 'interrupted']),
  manifestName: z.string(),
  scansSource: z.string(),
  total: z.number().nullable(),
  done: z.number(),
  imported: z.number(),
  failed: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type LegacyRun = z.infer<typeof legacyRun>;
const started = z.object({ runId: z.string(), resumed: z.boolean() });

export const errorReportUrl = (id: string) => `/api/v1/legacy-imports/${id}/errors.csv`;

/** The unit's recent runs; polled while one is running. */
export function useLegacyRuns() {
  return useQuery({
    queryKey: ['legacy-imports'],
    queryFn: () => api.get('/api/v1/legacy-imports', z.object({ runs: z.array(legacyRun) })),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'running') ? 1500 : false),
  });
}

/** One run, polled until it is no longer running. */
export function useLegacyRun(id: string | null) {
  return useQuery({
    queryKey: ['legacy-imports', id],
    queryFn: () => api.get(`/api/v1/legacy-imports/${id}`, legacyRun),
    enabled: id != null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function useStartLegacyImport() {
  const csrfToken = useMe().data?.csrfToken ?? null;
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ manifest, scans, onProgress }: { manifest: File; scans: File; onProgress(fraction: number): void }) => {
      const form = new FormData();
      form.append('manifest', manifest, manifest.name);
      form.append('scans', scans, scans.name);
      return uploadWithProgress('/api/v1/legacy-imports', form, { csrfToken, parser: started, onProgress }).done;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['legacy-imports'] }),
  });
}
