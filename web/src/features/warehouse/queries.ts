/** Server state of the warehouse: the holder's documents (portal) and a dossier's digitised documents (staff). */
import type { DocumentView } from '@core/warehouse/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface GrantView {
  id: string;
  unitCode: string;
  unitName: string;
  grantedAt: string;
  withdrawnAt: string | null;
}
export interface AccessLogView {
  at: string;
  actorKind: string;
  actorName: string | null;
  unitName: string | null;
  action: string;
  purpose: string | null;
  allowed: boolean;
}
export interface DossierSource {
  kind: 'file' | 'result';
  id: string;
  componentId: string | null;
  filename: string;
  mime: string;
}

/** Personal data: the key starts with `portal`, so it goes with the portal session. */
const KEY = ['portal', 'warehouse'];

export const documentFileUrl = (id: string) => `/api/v1/portal/warehouse/${encodeURIComponent(id)}/file`;

export function useMyDocuments() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<{ documents: DocumentView[] }>('/api/v1/portal/warehouse') });
}

export function useDocumentDetail(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...KEY, id], enabled, queryFn: () => api.get<{ document: DocumentView; grants: GrantView[]; accessLog: AccessLogView[] }>(`/api/v1/portal/warehouse/${encodeURIComponent(id)}`) });
}

export function useGrant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unitCode: string) => api.post<{ grant: GrantView }>(`/api/v1/portal/warehouse/${encodeURIComponent(id)}/grants`, { unitCode }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, id] }),
  });
}

export function useWithdraw(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => api.post<{ grant: GrantView }>(`/api/v1/portal/warehouse/${encodeURIComponent(id)}/grants/${encodeURIComponent(grantId)}/withdraw`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, id] }),
  });
}

export function useUploadOwn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => api.upload<{ document: DocumentView }>('/api/v1/portal/warehouse', form),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

const dossierKey = (ref: string) => ['dossier', ref, 'warehouse'];

export interface ReuseLink {
  componentId: string;
  documentId: string;
  linkedAt: string;
}

export function useDossierWarehouse(ref: string) {
  return useQuery({ queryKey: dossierKey(ref), queryFn: () => api.get<{ documents: DocumentView[]; sources: DossierSource[]; reused: ReuseLink[]; offers: DocumentView[] }>(`/api/v1/dossiers/${encodeURIComponent(ref)}/warehouse`) });
}

export function useDigitise(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<{ document: DocumentView }>(`/api/v1/dossiers/${encodeURIComponent(ref)}/warehouse`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: dossierKey(ref) }),
  });
}

export function useCheckOriginal(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ document: DocumentView }>(`/api/v1/warehouse/documents/${encodeURIComponent(id)}/check`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: dossierKey(ref) }),
  });
}

export function useReuse(ref: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { componentId: string; documentId: string }) => api.post<{ reused: ReuseLink }>(`/api/v1/dossiers/${encodeURIComponent(ref)}/warehouse/reuse`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: dossierKey(ref) }),
  });
}
