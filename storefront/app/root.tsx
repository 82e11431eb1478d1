import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import type { Route } from './+types/root';
import appCss from './app.css?url';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { loadChrome } from './lib/shop.server';

export async function loader({ context }: Route.LoaderArgs) {
  return { ...(await loadChrome(context)), nonce: context.shop.nonce };
}

// `precedence` makes React put the stylesheet first in <head>, ahead of the script and image preloads: it blocks the
// first paint, so it must be the first thing the browser fetches.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: appCss, precedence: 'high' }];

export type RootData = Awaited<ReturnType<typeof loader>>;

// The header (cart count, who is signed in) changes only after a form post, not on plain navigation or polling.
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod ? defaultShouldRevalidate : false;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const nonce = data?.nonce;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f766e" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {data ? <SiteHeader {...data} /> : null}
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        {data ? <SiteFooter shopName={data.shop.name} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = 'Something went wrong';
  let detail = 'The shop could not show this page. Please try again in a moment.';
  if (isRouteErrorResponse(error) && error.status === 404) {
    title = 'Page not found';
    detail = 'We could not find that page. It may have moved, or the link may be wrong.';
  } else if (isRouteErrorResponse(error)) {
    detail = typeof error.data === 'string' && error.data ? error.data : detail;
  }
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <title>{`${title}`}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">{detail}</p>
      <a className="btn-primary mt-6" href="/">
        Back to the shop
      </a>
    </section>
  );
}
