import { data, Form, redirect, useNavigation } from 'react-router';
import { Notice } from '~/components/notice';
import { OrderError } from '~/components/order-not-found';
import { postJson } from '~/lib/api.server';
import { formatMoney } from '~/lib/format';
import { loadOrder, orderIdOf } from '~/lib/order.server';
import { ApiError, messageFor } from '~/lib/problem';
import type { Route } from './+types/order-authenticate';

/** `tpi_<hex>_secret_<hex>` → `tpi_<hex>`: the test provider's payment id, as in its nextAction URL. */
function paymentIdOf(clientSecret: string): string | null {
  const id = clientSecret.split('_secret_')[0];
  return id && /^[A-Za-z0-9_]+$/.test(id) ? id : null;
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const id = orderIdOf(params);
  const order = await loadOrder(context, id);
  if (order.payment?.status !== 'requires_action') throw redirect(`/orders/${id}`);
  return {
    number: order.number,
    amount: formatMoney(order.payment.amount, order.payment.currency),
    shopName: context.shop.settings.name,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const id = orderIdOf(params);
  const succeed = (await request.formData()).get('succeed') === 'true';
  // The secret is read again from the order rather than posted by the page: it never sits in the HTML.
  const order = await loadOrder(context, id);
  const clientSecret = order.payment?.status === 'requires_action' ? order.payment.clientSecret : null;
  const paymentId = clientSecret ? paymentIdOf(clientSecret) : null;
  if (!clientSecret || !paymentId) return redirect(`/orders/${id}`);
  try {
    await postJson(context, `/api/payments/test/${paymentId}/authenticate`, { clientSecret, succeed });
  } catch (error) {
    const settled = error instanceof ApiError && (error.status === 404 || error.status === 409);
    if (!settled)
      return data({ message: messageFor(error) }, { status: error instanceof ApiError ? error.status : 500 });
  }
  // The answer reaches the order asynchronously; its page follows it live.
  return redirect(`/orders/${id}`);
}

export function meta() {
  return [{ title: 'Confirm your payment' }];
}

export default function OrderAuthenticate({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const pending = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const choice = pending ? navigation.formData?.get('succeed') : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <section aria-labelledby="bank-heading" className="card space-y-4 border-2 border-slate-300">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">Test bank · 3-D Secure</p>
        <h1 id="bank-heading" className="text-2xl font-bold">
          Confirm your payment
        </h1>
        <p className="text-slate-700">
          This is a simulated bank check from the shop’s test payment provider. A real bank would ask you to
          confirm in its app or with a code. No real card is charged.
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-700">Merchant</dt>
          <dd className="font-medium">{loaderData.shopName}</dd>
          <dt className="text-slate-700">Order</dt>
          <dd className="font-medium">{loaderData.number}</dd>
          <dt className="text-slate-700">Amount</dt>
          <dd className="text-lg font-bold">{loaderData.amount}</dd>
        </dl>
        {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
        <Form method="post" className="flex flex-wrap gap-3">
          <button type="submit" name="succeed" value="true" className="btn-primary" disabled={pending}>
            {choice === 'true' ? 'Approving…' : 'Approve'}
          </button>
          <button type="submit" name="succeed" value="false" className="btn-secondary" disabled={pending}>
            {choice === 'false' ? 'Failing…' : 'Fail authentication'}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <OrderError error={error} />;
}
