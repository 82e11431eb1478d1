import { isRouteErrorResponse, Link, useRouteLoaderData } from 'react-router';
import type { RootData } from '~/root';

/** The order pages' error screen: a friendly 404 that explains guest orders, or a retry for anything else. */
export function OrderError({ error }: { error: unknown }) {
  const root = useRouteLoaderData<RootData>('root');
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    return (
      <section className="mx-auto max-w-xl py-16 text-center">
        <title>Order unavailable</title>
        <h1 className="text-2xl font-bold">We could not load this order</h1>
        <p className="mt-3 text-slate-700">
          The shop could not answer just now. Nothing was lost: please try again.
        </p>
        <a className="btn-primary mt-6" href="">
          Try again
        </a>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <title>Order not found</title>
      <h1 className="text-2xl font-bold">We could not find this order</h1>
      <p className="mt-3 text-slate-700">
        Orders are private. {root?.user ? 'This order is not one of your account’s orders. ' : ''}An order
        placed without an account can only be seen in the browser, on the device, that placed it.
      </p>
      {root?.user ? (
        <Link to="/account/orders" className="btn-primary mt-6">
          See your orders
        </Link>
      ) : (
        <p className="mt-6 flex flex-wrap justify-center gap-3">
          <Link to="/signin" className="btn-primary">
            Sign in to see your orders
          </Link>
          <Link to="/" className="btn-secondary">
            Back to the shop
          </Link>
        </p>
      )}
    </section>
  );
}
