import type { Permission } from '@core/access/permissions';
import type { Me } from '@core/auth/schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import { ME_KEY } from '../../lib/query-client';

/** Who is signed in, or null; a 401 is an answer here, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    // The server checks `Me` against its schema before sending it; re-checking here would load zod
    // on every public page (the portal's budget, docs/portal.md).
    const me = await api.get<Me>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session (undefined while loading, null when signed out). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** True when the signed-in user holds the permission somewhere. */
export function can(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export interface Credentials {
  username: string;
  password: string;
}

/** Signs in; on success the session becomes the cached `Me`. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<Me>('/api/v1/auth/login', credentials),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/** Signs out and drops every cached answer that belonged to the session. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: async () => {
      setCsrfToken(null);
      // Stop in-flight requests first, then say "signed out" before dropping the rest: removing the
      // `me` query while pages still observe it let a refetch race the sign-out.
      await queryClient.cancelQueries();
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'public' && query.queryKey[0] !== ME_KEY[0] });
    },
  });
}
