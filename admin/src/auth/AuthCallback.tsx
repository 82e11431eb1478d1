import { useEffect, useRef } from 'react';
import { Loading, useLocation, useLogin, useNavigate, useNotify } from 'react-admin';
import { callbackErrorMessage } from './callbackErrors';

/**
 * Where Google sign-in returns (`#/auth/callback?code=…` or `?error=…`): the one-time code is exchanged for a
 * session (authProvider.login with `code`, which refuses non-staff), then react-admin goes to the dashboard. Any
 * failure goes back to the sign-in page with the reason. Runs once: a code works once.
 */
export function AuthCallback() {
  const { search } = useLocation();
  const login = useLogin();
  const notify = useNotify();
  const navigate = useNavigate();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(search);
    const code = params.get('code');
    const fail = (message: string) => {
      notify(message, { type: 'error', autoHideDuration: 10_000 });
      navigate('/login', { replace: true });
    };
    if (!code) return fail(callbackErrorMessage(params.get('error') ?? ''));
    login({ code }).catch((error: unknown) =>
      fail(error instanceof Error ? error.message : callbackErrorMessage('')),
    );
  }, [search, login, notify, navigate]);

  return <Loading loadingPrimary="Signing in" loadingSecondary="Finishing Google sign-in…" />;
}
