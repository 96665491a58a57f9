import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

export const ME_KEY = ['auth', 'me'] as const;

/** Client errors (4xx) will not change on retry; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 on any request means the session is gone: forget who we were, the guards send us to login.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_KEY, null);
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
  },
});
