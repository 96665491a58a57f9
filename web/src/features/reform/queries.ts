import { boardView, importResult, planDetail, planList, taskDetail } from '@core/reform/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

const KEY = ['reform'] as const;

/** Plans with their counts. */
export function usePlans() {
  return useQuery({ queryKey: [...KEY, 'plans'], queryFn: () => api.get('/api/v1/reform/plans', planList), staleTime: 10_000 });
}

/** A plan with its tasks. */
export function usePlan(id: string) {
  return useQuery({ queryKey: [...KEY, 'plan', id], queryFn: () => api.get(`/api/v1/reform/plans/${encodeURIComponent(id)}`, planDetail), staleTime: 10_000 });
}

/** A task with its reports and what the caller may do. */
export function useTask(id: string) {
  return useQuery({ queryKey: [...KEY, 'task', id], queryFn: () => api.get(`/api/v1/reform/tasks/${encodeURIComponent(id)}`, taskDetail), staleTime: 5_000 });
}

/** The query string of a board (a unit's sub-tree or the caller's whole scope). */
export function boardParams(unitId: string | null): string {
  return unitId ? `?${new URLSearchParams({ unitId })}` : '';
}

/** The board. */
export function useBoard(unitId: string | null) {
  return useQuery({ queryKey: [...KEY, 'board', unitId], queryFn: () => api.get(`/api/v1/reform/board${boardParams(unitId)}`, boardView), staleTime: 10_000 });
}

/** An action on a task (report with files, complete, accept, return); every reform view reloads. */
export function useTaskAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: { kind: 'report'; form: FormData } | { kind: 'complete' | 'accept' | 'return'; note: string }) =>
      a.kind === 'report' ? api.upload(`/api/v1/reform/tasks/${id}/reports`, a.form, taskDetail) : api.post(`/api/v1/reform/tasks/${id}/${a.kind}`, { note: a.note }, taskDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Checks (dry run) or imports an appendix file into a plan. */
export function useImportTasks(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/api/v1/reform/plans/${planId}/import?dryRun=${dryRun}`, form, importResult);
    },
    onSuccess: (r) => (r.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: KEY })),
  });
}
