import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface AuditEvent {
  chainKey: string;
  seq: number;
  occurredAt: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
}

interface AuditPage {
  events: AuditEvent[];
  nextCursor: string | null;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  firstBroken: null | { chainKey: string; seq: number; reason: string };
}

const PAGE_SIZE = 50;

/** Audit events, newest first, fifty at a time following the server's cursor. */
export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: ['audit', 'events'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('before', pageParam);
      return api.get<AuditPage>(`/api/v1/audit/events?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Re-checks every hash chain on the server; a button press, so a mutation rather than a cached query. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<VerifyResult>('/api/v1/audit/verify') });
}
