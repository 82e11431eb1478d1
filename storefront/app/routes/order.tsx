import { useEffect, useRef, useState } from 'react';
import { data, Link, redirect, type ShouldRevalidateFunctionArgs } from 'react-router';
import { CancelOrder } from '~/components/cancel-order';
import { Notice } from '~/components/notice';
import { OrderError } from '~/components/order-not-found';
import { OrderItems } from '~/components/order-items';
import { OrderStatusBadge } from '~/components/order-status-badge';
import { OrderProblems } from '~/components/order-problems';
import { Parcel } from '~/components/parcel';
import { Timeline } from '~/components/timeline';
import { countryName } from '~/lib/countries';
import { formatDate, formatMoney } from '~/lib/format';
import { postJson } from '~/lib/api.server';
import { loadOrder, orderIdOf, restoreCart } from '~/lib/order.server';
import { canCancel, declineCodeOf, statusLabel } from '~/lib/order-status';
import { orderSteps, upcomingSteps } from '~/lib/order-steps';
import { ApiError, messageFor } from '~/lib/problem';
import type { Order } from '~/lib/types';
import { useOrderPolling } from '~/lib/use-order-polling';
import type { Route } from './+types/order';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const order = await loadOrder(context, orderIdOf(params));
  return { order, placed: new URL(request.url).searchParams.get('placed') === '1' };
}

const CANCEL_REFUSED: Record<string, string> = {
  invalid_transition: 'It has already shipped, so it can no longer be cancelled.',
  order_closed: 'This order is closed and can no longer be cancelled.',
  refund_refused:
    'We could not refund the payment automatically, so the order was not cancelled. Please contact us.',
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const id = orderIdOf(params);
  const form = await request.formData();
  if (form.get('intent') === 'retry') {
    const order = await loadOrder(context, id);
    await restoreCart(context, order);
    const code = declineCodeOf(order);
    return redirect(`/checkout?from=${id}${code ? `&declined=${encodeURIComponent(code)}` : ''}`);
  }
  const reason = String(form.get('reason') ?? '')
    .trim()
    .slice(0, 255);
  try {
    await postJson<Order>(context, `/api/orders/${id}/cancel`, reason ? { reason } : {});
    // The refreshed order says it is cancelled (and whether money goes back): no message of its own.
    return { ok: true, message: '' };
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 500;
    let message = messageFor(error);
    if (error instanceof ApiError && status === 409) message = CANCEL_REFUSED[error.code ?? ''] ?? message;
    if (status === 503)
      message = 'We could not confirm the cancellation just now. Check the order below before trying again.';
    return data({ ok: false, message }, { status });
  }
}

// After a refused cancel (409) the order has usually moved on (shipped): read it again to show why.
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod ? true : defaultShouldRevalidate;
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `Order ${data.order.number}` : 'Your order' }];
}

export default function OrderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { order, placed } = loaderData;
  useOrderPolling(order.status);
  const steps = orderSteps(order.timeline, order.currency);
  const status = statusLabel(order.status);
  const step = steps[steps.length - 1]?.label ?? status;
  const latest = step === status ? step : `${step}. Status: ${status}`;
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(latest);
  useEffect(() => {
    if (previous.current !== latest) setAnnouncement(`Order update. ${latest}.`);
    previous.current = latest;
  }, [latest]);
  const address = order.shippingAddress;

  return (
    <div className="space-y-6">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {placed && order.status !== 'failed' && order.status !== 'cancelled' ? (
        <Notice tone="success">
          <strong>Thank you for your order!</strong> We sent a confirmation to {order.email}. This page
          follows your order as it moves on.
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">
          Order <span className="whitespace-nowrap">{order.number}</span>
        </h1>
        <OrderStatusBadge status={order.status} />
        <p className="w-full text-sm text-slate-700">
          Placed {formatDate(order.createdAt)} · {formatMoney(order.totalAmount, order.currency)}
        </p>
      </div>
      {actionData && !actionData.ok ? <Notice tone="error">{actionData.message}</Notice> : null}
      <OrderProblems order={order} />
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-8">
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading" className="mb-4 text-lg font-semibold">
              Progress
            </h2>
            <Timeline steps={steps} upcoming={upcomingSteps(order.status)} />
          </section>
          {order.shipment ? (
            <section aria-labelledby="parcel-heading">
              <h2 id="parcel-heading" className="mb-2 text-lg font-semibold">
                Parcel
              </h2>
              <Parcel shipment={order.shipment} />
            </section>
          ) : null}
        </div>
        <div className="space-y-6">
          <section aria-labelledby="items-heading" className="card">
            <h2 id="items-heading" className="mb-2 text-lg font-semibold">
              Items
            </h2>
            <OrderItems order={order} />
          </section>
          <section aria-labelledby="address-heading" className="card text-sm">
            <h2 id="address-heading" className="mb-2 text-lg font-semibold">
              Shipping to
            </h2>
            <address className="not-italic">
              {[
                address.name,
                address.line1,
                address.line2,
                `${address.postalCode} ${address.city}`,
                address.region,
              ]
                .filter(Boolean)
                .map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              <span className="block">{countryName(address.country)}</span>
              {address.phone ? <span className="block">{address.phone}</span> : null}
            </address>
          </section>
          {order.refunds.length > 0 ? (
            <section aria-labelledby="refunds-heading" className="card text-sm">
              <h2 id="refunds-heading" className="mb-2 text-lg font-semibold">
                Refunds
              </h2>
              <ul className="space-y-1">
                {order.refunds.map((refund) => (
                  <li key={refund.id} className="flex justify-between gap-4">
                    <span>
                      {formatDate(refund.createdAt)} ·{' '}
                      {refund.status === 'pending' ? 'In progress' : 'Refunded'}
                    </span>
                    <span className="font-medium">{formatMoney(refund.amount, refund.currency)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {order.invoice ? (
            <p>
              <a href={`/orders/${order.id}/invoice`} className="btn-secondary" download>
                Download invoice {order.invoice.number} (PDF)
              </a>
            </p>
          ) : null}
          {canCancel(order.status) ? <CancelOrder paid={order.status !== 'awaiting_payment'} /> : null}
        </div>
      </div>
      <p>
        <Link to="/" className="btn-link">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <OrderError error={error} />;
}
