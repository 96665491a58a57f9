import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import { useMe } from './session';

/** Lets signed-in staff through; sends anyone else to the login page and back afterwards. */
export function RequireStaff() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading minHeight="50vh" />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, signInFirst: true }} />;
  }
  return <Outlet />;
}
