import { isRouteErrorResponse } from 'react-router';

/**
 * A page's own error screen (lost connection, the shop not answering): it keeps the header and offers to load
 * the page again, where nothing is lost (the cart is on the server, checkout fields in this tab's storage).
 */
export function PageError({ error, title, retryHref }: { error: unknown; title: string; retryHref: string }) {
  const offline =
    !isRouteErrorResponse(error) && typeof navigator !== 'undefined' && navigator.onLine === false;
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <title>{title}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">
        {offline
          ? 'You seem to be offline. Check your connection, then try again.'
          : 'The shop could not be reached just now. Check your connection, then try again.'}{' '}
        Nothing you entered is lost.
      </p>
      <a className="btn-primary mt-6" href={retryHref}>
        Try again
      </a>
    </section>
  );
}
