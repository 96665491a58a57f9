import type { PortalMe } from '@core/citizens/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setPortalCsrfToken } from '../../lib/api';
import { PORTAL_ME_KEY } from '../../lib/query-client';

export { PORTAL_ME_KEY };

/**
 * Who is signed in on the portal, or null; a 401 is an answer here, not an error. Typed by the
 * shared schema but not re-checked with zod: the server checks the answer before sending it, and
 * every public page asks this (the portal's budget, docs/portal.md).
 */
async function fetchPortalMe(): Promise<PortalMe | null> {
  try {
    const me = await api.get<PortalMe>('/api/v1/portal/me');
    setPortalCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setPortalCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The portal session (undefined while loading, null when signed out). */
export function usePortalMe() {
  return useQuery({ queryKey: PORTAL_ME_KEY, queryFn: fetchPortalMe, staleTime: 60_000 });
}

/** The address that starts the OpenID Connect sign-in (a full navigation) and comes back to `returnTo`. */
export function providerLoginUrl(returnTo: string): string {
  return `/api/v1/portal/auth/login?${new URLSearchParams({ returnTo })}`;
}

/** The portal's sign-in page, coming back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/dang-nhap?${new URLSearchParams({ returnTo: path })}`;
}

/** Every cached portal answer except the `me` answer itself: personal data of the session. */
const portalData = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] === PORTAL_ME_KEY[0] && query.queryKey[1] !== PORTAL_ME_KEY[1] };

/** Signs out of the portal; the cached personal data goes with the session. */
export function usePortalSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/portal/auth/logout'),
    onSettled: async () => {
      setPortalCsrfToken(null);
      await queryClient.cancelQueries({ queryKey: [PORTAL_ME_KEY[0]] });
      queryClient.setQueryData(PORTAL_ME_KEY, null);
      queryClient.removeQueries(portalData);
    },
  });
}

/** Acts for one of the person's organisations (tax code) or for themselves (null): another set of dossiers. */
export function useActingFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taxCode: string | null) => api.post<PortalMe>('/api/v1/portal/me/acting-for', { taxCode }),
    onSuccess: (me) => {
      setPortalCsrfToken(me.csrfToken);
      queryClient.setQueryData(PORTAL_ME_KEY, me);
      // Another applicant, other dossiers: nothing cached for the previous one may show.
      void queryClient.resetQueries(portalData);
    },
  });
}
