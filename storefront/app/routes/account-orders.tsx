import { data, Link } from 'react-router';
import { Notice } from '~/components/notice';
import { OrderStatusBadge } from '~/components/order-status-badge';
import { Pagination } from '~/components/pagination';
import { getJson } from '~/lib/api.server';
import { formatDate, formatMoney } from '~/lib/format';
import { currentUser, NO_STORE } from '~/lib/session.server';
import type { OrderSummary, Page } from '~/lib/types';
import type { Route } from './+types/account-orders';

export const headers = () => NO_STORE;

export function meta() {
  return [{ title: 'Your orders' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const raw = new URL(request.url).searchParams.get('page') ?? '1';
  const page = /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
  // A guest gets the orders placed with this browser's cart token; the API decides who is asking.
  const user = await currentUser(context);
  const orders = await getJson<Page<OrderSummary>>(context, `/api/orders?page=${page}`);
  return data({ signedIn: user !== null, orders }, { headers: NO_STORE });
}

export default function AccountOrders({ loaderData }: Route.ComponentProps) {
  const { signedIn, orders } = loaderData;
  const pages = Math.max(1, Math.ceil(orders.total / orders.pageSize));
  return (
    <div className="space-y-6">
      <div>
        {signedIn ? (
          <Link to="/account" className="btn-link">
            ← Your account
          </Link>
        ) : null}
        <h1 className="mt-1 text-2xl font-bold">Your orders</h1>
      </div>

      {signedIn ? (
        <p className="text-sm text-slate-700">
          Orders placed while you were not signed in are not listed here: open them from the link in their
          confirmation email.
        </p>
      ) : (
        <Notice tone="info">
          <p>
            You are not signed in. Orders placed as a guest open from the link in their confirmation email,
            and are listed below on the device they were placed on.
          </p>
          <p className="mt-2">
            <Link to="/signin?next=%2Faccount%2Forders" className="font-semibold underline">
              Sign in
            </Link>{' '}
            to see the orders of your account.
          </p>
        </Notice>
      )}

      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className={signedIn ? 'sr-only' : 'text-lg font-semibold'}>
          {signedIn ? 'Order history' : 'Orders placed on this device'}
        </h2>
        {orders.items.length === 0 ? (
          <EmptyState signedIn={signedIn} beyondEnd={orders.total > 0} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {orders.items.map((order) => (
              <li key={order.id}>
                <OrderRow order={order} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Pagination page={orders.page} pageCount={pages} href={(p) => `?page=${p}`} label="Order pages" />
    </div>
  );
}

function OrderRow({ order }: { order: OrderSummary }) {
  return (
    <div className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 px-4 py-3 sm:grid-cols-[1fr_8rem_11rem_7rem]">
      <Link
        to={`/orders/${order.id}`}
        className="font-mono text-sm font-semibold text-brand-700 hover:underline"
      >
        <span className="sr-only">Order </span>
        {order.number}
      </Link>
      <span className="text-right text-sm font-semibold sm:order-last">
        {formatMoney(order.totalAmount, order.currency)}
      </span>
      <time dateTime={order.createdAt} className="text-sm text-slate-700">
        {formatDate(order.createdAt)}
      </time>
      <span className="whitespace-nowrap text-right sm:text-left">
        <OrderStatusBadge status={order.status} />
      </span>
    </div>
  );
}

function EmptyState({ signedIn, beyondEnd }: { signedIn: boolean; beyondEnd: boolean }) {
  if (beyondEnd) {
    return (
      <p className="mt-3 text-slate-700">
        There are no orders on this page.{' '}
        <Link to="?page=1" className="btn-link">
          Go to the first page
        </Link>
      </p>
    );
  }
  return (
    <div className="mt-3 rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center">
      <p className="text-slate-700">
        {signedIn ? 'You have not placed any orders yet.' : 'No orders were placed from this browser.'}
      </p>
      <Link to="/" className="btn-primary mt-4">
        Start shopping
      </Link>
    </div>
  );
}
