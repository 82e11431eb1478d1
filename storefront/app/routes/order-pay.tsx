import { useEffect } from 'react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { Notice } from '~/components/notice';
import { OrderError } from '~/components/order-not-found';
import { OrderItems } from '~/components/order-items';
import { StripeCardForm } from '~/components/stripe-card-form';
import { TestCardPicker } from '~/components/test-card-picker';
import { postJson } from '~/lib/api.server';
import { formatDateTime, formatMoney } from '~/lib/format';
import { loadOrder, orderIdOf, paymentDeadline, restoreCart } from '~/lib/order.server';
import { failureText } from '~/lib/order-status';
import { ApiError, messageFor } from '~/lib/problem';
import type { PayResult } from '~/lib/types';
import { clearPersistedForm } from '~/lib/use-persisted-form';
import { useOrderPolling } from '~/lib/use-order-polling';
import type { Route } from './+types/order-pay';

const PAID = new Set(['paid', 'processing', 'shipped', 'delivered', 'refunded']);
const PM = /^pm_[A-Za-z0-9_]{1,120}$/;

export async function loader({ params, context }: Route.LoaderArgs) {
  const id = orderIdOf(params);
  const order = await loadOrder(context, id);
  // Paid, or the card is accepted and being captured: the order page follows it from here.
  if (
    PAID.has(order.status) ||
    order.payment?.status === 'authorized' ||
    order.payment?.status === 'captured'
  ) {
    throw redirect(`/orders/${id}`);
  }
  const { payments } = context.shop.settings;
  const stripeKey = payments.provider === 'stripe' ? payments.publishableKey : null;
  return { order, deadline: paymentDeadline(order), stripeKey };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const id = orderIdOf(params);
  const form = await request.formData();
  const pm = form.get('paymentMethodId');
  if (typeof pm !== 'string' || !PM.test(pm)) {
    return data(
      { message: null, cardError: 'Choose a card.', selected: null, stripeClientSecret: null },
      { status: 422 },
    );
  }
  const fail = (status: number, message: string) =>
    data({ message, cardError: null, selected: pm, stripeClientSecret: null }, { status });
  try {
    const { order, payment, nextAction } = await postJson<PayResult>(context, `/api/orders/${id}/pay`, {
      paymentMethodId: pm,
    });
    if (payment.status === 'requires_action' && nextAction) return redirect(`/orders/${id}/authenticate`);
    // Stripe: its own 3-D Secure challenge runs in the browser (Stripe.js) with the payment's client secret.
    if (payment.status === 'requires_action' && payment.provider === 'stripe' && payment.clientSecret) {
      return data({ message: null, cardError: null, selected: pm, stripeClientSecret: payment.clientSecret });
    }
    if (order.status === 'awaiting_payment' && payment.status === 'requires_action') {
      return fail(
        409,
        'Your bank needs to confirm this payment, which this page cannot do. Try another card.',
      );
    }
    return redirect(
      order.status === 'cancelled' || order.status === 'failed' ? `/orders/${id}` : `/orders/${id}?placed=1`,
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 402) {
      const declineCode = String((error.problem as { declineCode?: unknown }).declineCode ?? 'card_declined');
      // The declined order is over; its items go back to the cart for a new checkout with the same address.
      try {
        await restoreCart(context, await loadOrder(context, id));
      } catch {
        return redirect(`/orders/${id}`);
      }
      return redirect(`/checkout?from=${id}&declined=${encodeURIComponent(declineCode)}`);
    }
    if (error instanceof ApiError && error.status === 409) {
      const order = await loadOrder(context, id);
      if (PAID.has(order.status)) return redirect(`/orders/${id}`);
      return fail(409, 'This order cannot be paid right now. Please wait a moment and try again.');
    }
    if (error instanceof ApiError && error.status === 503) {
      return fail(
        503,
        'We could not confirm the payment just now. Please try again in a few seconds: you will not be charged twice.',
      );
    }
    return fail(error instanceof ApiError ? error.status : 500, messageFor(error));
  }
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `Pay for order ${data.order.number}` : 'Pay for your order' }];
}

export default function OrderPay({ loaderData, actionData }: Route.ComponentProps) {
  const { order, deadline, stripeKey } = loaderData;
  const navigation = useNavigation();
  const paying = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  useOrderPolling(order.status === 'pending' ? 'pending' : 'final');
  // The order exists now: what was typed at checkout is no longer needed in this tab.
  useEffect(() => clearPersistedForm('checkout'), []);
  const total = formatMoney(order.totalAmount, order.currency);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Pay for your order</h1>
        <p className="mt-1 text-slate-700">
          Order {order.number} · {total}
        </p>
      </div>
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <PayState order={order} deadline={deadline} />
          {order.status === 'awaiting_payment' ? (
            order.payment?.provider === 'stripe' ? (
              stripeKey ? (
                <div className="card">
                  <StripeCardForm
                    publishableKey={stripeKey}
                    orderId={order.id}
                    amount={order.totalAmount}
                    currency={order.currency}
                    actionClientSecret={actionData?.stripeClientSecret ?? null}
                  />
                </div>
              ) : (
                <Notice tone="error">
                  Card payments are not set up in this shop yet. Please contact us.
                </Notice>
              )
            ) : order.payment && order.payment.provider !== 'test' ? (
              <Notice>Card payment with {order.payment.provider} is not available on this page yet.</Notice>
            ) : (
              <Form method="post" className="card space-y-4">
                <TestCardPicker
                  selected={actionData?.selected ?? null}
                  error={actionData?.cardError ?? null}
                />
                <button type="submit" className="btn-primary w-full sm:w-auto" disabled={paying}>
                  {paying ? 'Paying…' : `Pay ${total}`}
                </button>
                <p role="status" className="text-sm text-slate-700">
                  {paying ? 'Contacting your bank. This can take a few seconds.' : ''}
                </p>
              </Form>
            )
          ) : null}
        </div>
        <section aria-labelledby="summary-heading" className="card h-fit space-y-4">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Order summary
          </h2>
          <OrderItems order={order} />
        </section>
      </div>
    </div>
  );
}

function PayState({ order, deadline }: Pick<Route.ComponentProps['loaderData'], 'order' | 'deadline'>) {
  const link = (
    <Link to={`/orders/${order.id}`} className="font-semibold underline">
      See the order
    </Link>
  );
  switch (order.status) {
    case 'awaiting_payment':
      return (
        <>
          {order.payment?.status === 'requires_action' ? (
            <Notice>
              Your bank is waiting for you to confirm the payment.{' '}
              <Link to={`/orders/${order.id}/authenticate`} className="font-semibold underline">
                Confirm with your bank
              </Link>{' '}
              or pay with another card below.
            </Notice>
          ) : null}
          {deadline ? (
            <p className="text-sm text-slate-700">
              Your items are held for you until <strong>{formatDateTime(deadline)}</strong>. Pay before then,
              or the order is cancelled.
            </p>
          ) : null}
        </>
      );
    case 'pending':
      return <Notice>We are still placing your order. This page updates by itself.</Notice>;
    case 'failed':
      return (
        <Notice tone="error">
          This order cannot be paid: {failureText(order.failureReason)}. {link}
        </Notice>
      );
    case 'cancelled':
      return <Notice tone="error">This order was cancelled and cannot be paid. {link}</Notice>;
    default:
      return <Notice>{link}</Notice>;
  }
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <OrderError error={error} />;
}
