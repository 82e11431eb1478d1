import { useEffect, useRef, useState } from 'react';
import { data, Form, Link, redirect, useFetcher, useNavigation } from 'react-router';
import { AddressFields } from '~/components/address-fields';
import { CheckoutSummary } from '~/components/checkout-summary';
import { Field } from '~/components/field';
import { Notice } from '~/components/notice';
import { PageError } from '~/components/page-error';
import { getJson, isSignedIn } from '~/lib/api.server';
import { valuesFrom, type CheckoutValues } from '~/lib/checkout-form';
import { readCheckoutForm } from '~/lib/checkout-form.server';
import { explainCheckoutFailure, placeOrder } from '~/lib/checkout.server';
import { countryCode } from '~/lib/countries';
import { declineText } from '~/lib/order-status';
import { ApiError } from '~/lib/problem';
import type { CartView, Order, User } from '~/lib/types';
import { usePersistedForm } from '~/lib/use-persisted-form';
import type { Route } from './+types/checkout';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

async function currentUser(context: Route.LoaderArgs['context']): Promise<User | null> {
  return isSignedIn(context) ? getJson<User>(context, '/api/me').catch(() => null) : null;
}

const cartFor = (context: Route.LoaderArgs['context'], country: string | null) =>
  getJson<CartView>(context, `/api/cart${country ? `?country=${country}` : ''}`);

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const fromId = url.searchParams.get('from') ?? '';
  const [user, from] = await Promise.all([
    currentUser(context),
    /^\d{1,15}$/.test(fromId)
      ? getJson<Order>(context, `/api/orders/${fromId}`).catch((error: unknown) => {
          if (error instanceof ApiError && error.status < 500) return null;
          throw error;
        })
      : null,
  ]);
  const prefill = from ? valuesFrom(from.shippingAddress, user ? null : from.email) : {};
  const country =
    countryCode(url.searchParams.get('country')) ?? countryCode(prefill['shippingAddress.country']);
  const cart = await cartFor(context, country);
  if (cart.items.length === 0) throw redirect('/cart');
  const declined = url.searchParams.get('declined');
  return {
    cart,
    email: user?.email ?? null,
    prefill,
    declined: from && declined ? declineText(declined) : null,
    // One key per checkout page: a double click or a retry of this attempt places one order.
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const posted = form.get('idempotencyKey');
  const key = typeof posted === 'string' && KEY.test(posted) ? posted : crypto.randomUUID();
  const user = await currentUser(context);
  const { values, body, errors } = readCheckoutForm(form, !user);
  const reply = (status: number, extra: { message?: string; fieldErrors?: Record<string, string> } = {}) =>
    data(
      { values, idempotencyKey: key, message: null, fieldErrors: {}, toCart: false, cart: null, ...extra },
      { status },
    );

  if (form.get('intent') === 'totals') {
    const cart = await cartFor(context, countryCode(values['shippingAddress.country']));
    return data({ values, idempotencyKey: key, message: null, fieldErrors: {}, toCart: false, cart });
  }
  if (Object.keys(errors).length > 0) {
    return reply(422, { message: 'Please correct the marked fields.', fieldErrors: errors });
  }
  try {
    const { order } = await placeOrder(context, body, key);
    return redirect(`/orders/${order.id}/pay`);
  } catch (error) {
    const failure = explainCheckoutFailure(error);
    if (failure.cartEmpty) return redirect('/cart');
    return data(
      {
        values,
        idempotencyKey: failure.newKey ? crypto.randomUUID() : key,
        message: failure.message,
        fieldErrors: failure.fieldErrors,
        toCart: failure.toCart,
        cart: null,
      },
      { status: failure.status },
    );
  }
}

export function meta() {
  return [
    { title: 'Checkout' },
    { name: 'description', content: 'Your shipping address and order summary.' },
  ];
}

export default function Checkout({ loaderData, actionData }: Route.ComponentProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const preview = useFetcher<typeof loader>();
  const navigation = useNavigation();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const showTotalsFor = (code: string) => {
    if (countryCode(code)) preview.load(`/checkout?country=${code}`);
  };
  usePersistedForm(formRef, 'checkout', {
    onRestore: (restored) => showTotalsFor(restored['shippingAddress.country'] ?? ''),
  });

  const values: CheckoutValues = actionData?.values ?? loaderData.prefill;
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const cart = preview.data?.cart ?? actionData?.cart ?? loaderData.cart;
  const key = actionData?.idempotencyKey ?? loaderData.idempotencyKey;
  // After a refused submit, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (actionData?.fieldErrors && Object.keys(actionData.fieldErrors).length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [actionData]);
  const attention = cart.items.filter((line) => line.warning);
  const placing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'place';

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Checkout</h1>
      {loaderData.declined && !actionData ? (
        <Notice tone="error">
          Your card was declined ({loaderData.declined}). Nothing was charged. Check your details and try
          another card.
        </Notice>
      ) : null}
      {attention.length > 0 && !actionData?.message ? (
        <Notice>
          Some items cannot be ordered as they are: {attention.map((line) => line.title).join(', ')}.{' '}
          <Link to="/cart" className="font-semibold underline">
            Review your cart
          </Link>
        </Notice>
      ) : null}
      {actionData?.message ? (
        <Notice tone="error">
          {actionData.message}{' '}
          {actionData.toCart ? (
            <Link to="/cart" className="font-semibold underline">
              Back to your cart
            </Link>
          ) : null}
        </Notice>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        {/* The server checks every field and answers in plain words next to it, with or without JavaScript. */}
        <Form method="post" ref={formRef} className="space-y-8" noValidate>
          <input type="hidden" name="idempotencyKey" value={key} />
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">Contact</legend>
            {loaderData.email ? (
              <p className="text-sm text-slate-700">
                We will send the confirmation to{' '}
                <strong className="text-slate-900">{loaderData.email}</strong>.
              </p>
            ) : (
              <Field
                label="Email"
                name="email"
                type="email"
                autoComplete="email"
                required
                maxLength={255}
                defaultValue={values.email ?? ''}
                error={errors.email}
                hint="For your order confirmation and updates."
              />
            )}
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">Shipping address</legend>
            <AddressFields values={values} errors={errors} onCountryChange={showTotalsFor} />
            {enhanced ? null : (
              <button type="submit" name="intent" value="totals" formNoValidate className="btn-secondary">
                Update totals
              </button>
            )}
          </fieldset>
          <div className="space-y-2">
            <button
              type="submit"
              name="intent"
              value="place"
              className="btn-primary w-full sm:w-auto"
              disabled={placing}
            >
              {placing ? 'Placing your order…' : 'Place order'}
            </button>
            <p className="text-sm text-slate-700" role="status">
              {placing
                ? 'Reserving your items. This can take a few seconds.'
                : 'You pay on the next page. Your items are held for you while you pay.'}
            </p>
          </div>
        </Form>
        <div className="order-first lg:order-none">
          <CheckoutSummary cart={cart} loading={preview.state !== 'idle'} />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} title="Your checkout was interrupted" retryHref="/checkout" />;
}
