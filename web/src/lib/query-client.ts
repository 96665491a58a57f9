import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

export const ME_KEY = ['auth', 'me'] as const;
/** The signed-in citizen of the portal; every portal query's key starts with `portal`. */
export const PORTAL_ME_KEY = ['portal', 'me'] as const;

/** Client errors (4xx) will not change on retry; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 means that session is gone: forget who we were, the guards send us to sign in. The portal
    // and the staff workspace have separate sessions, so a portal 401 leaves the staff one alone.
    onError: (error, query) => {
      if (!(error instanceof ApiError && error.status === 401)) return;
      queryClient.setQueryData(query.queryKey[0] === PORTAL_ME_KEY[0] ? PORTAL_ME_KEY : ME_KEY, null);
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
  },
});
