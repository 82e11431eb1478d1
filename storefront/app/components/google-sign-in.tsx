import { useRouteLoaderData } from 'react-router';
import type { RootData } from '~/root';

/**
 * "Sign in with Google", only when the shop has Google configured. A plain link: the OAuth flow is a chain of
 * full-page redirects (the API sets its state cookie on the way), never a client-side navigation.
 */
export function GoogleSignIn({ next, label = 'Sign in with Google' }: { next: string; label?: string }) {
  const root = useRouteLoaderData<RootData>('root');
  if (!root?.shop.googleSignIn) return null;
  return (
    <div className="space-y-4">
      <p className="flex items-center gap-3 text-sm text-slate-700" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </p>
      <a href={`/auth/google?next=${encodeURIComponent(next)}`} className="btn-secondary w-full">
        {label}
      </a>
    </div>
  );
}
