import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { Loading } from '../shell/Loading';
import { useLogout } from './session';

/**
 * Signing out happens on its own page, outside the workspace: by the time the session is dropped,
 * no staff guard is mounted to bounce the user to the login page, whatever the timing of the
 * navigation and the request.
 */
export function LogoutPage() {
  const logout = useLogout();
  const navigate = useNavigate();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    logout.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) });
  }, [logout, navigate]);

  return <Loading minHeight="50vh" />;
}
