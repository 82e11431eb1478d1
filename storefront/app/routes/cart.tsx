import { data, Link } from 'react-router';
import { CartLine } from '~/components/cart-line';
import { Notice } from '~/components/notice';
import { PageError } from '~/components/page-error';
import { SavedLine } from '~/components/saved-line';
import { Totals } from '~/components/totals';
import { callApi, COOKIES, getJson, isSignedIn } from '~/lib/api.server';
import {
  type CartActionResult,
  cartCall,
  cartErrorMessage,
  isCartIntent,
  listOf,
  parseQuantity,
} from '~/lib/cart-action';
import { formatMoney } from '~/lib/format';
import type { CartView, OrderSummary, Page } from '~/lib/types';
import type { Route } from './+types/cart';

export async function loader({ context }: Route.LoaderArgs) {
  const cart = await getJson<CartView>(context, '/api/cart');
  // An empty cart right after checkout usually means an order is waiting to be paid: point the shopper to it.
  let unpaid: OrderSummary[] = [];
  if (cart.items.length === 0 && (isSignedIn(context) || context.shop.cookies.get(COOKIES.cart))) {
    const orders = await getJson<Page<OrderSummary>>(context, '/api/orders?pageSize=5').catch(() => null);
    unpaid = orders?.items.filter((o) => o.status === 'awaiting_payment') ?? [];
  }
  return { cart, unpaid };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get('intent');
  const lineId = Number(form.get('lineId'));
  if (!isCartIntent(intent) || !Number.isInteger(lineId) || lineId < 1) {
    const result: CartActionResult = { ok: false, intent: null, lineId: null, error: 'That did not work.' };
    return data(result, { status: 400 });
  }
  const quantity = parseQuantity(form.get('quantity'));
  if (intent === 'update' && quantity === null) {
    return data<CartActionResult>(
      { ok: false, intent, lineId, error: 'Choose a quantity from 1 to 99.' },
      { status: 422 },
    );
  }
  const call = cartCall(intent, lineId, quantity);
  try {
    await callApi<CartView>(context, call.method, call.path, call.body ? { body: call.body } : {});
    return { ok: true, intent, lineId, error: null } satisfies CartActionResult;
  } catch (error) {
    const status =
      typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    return data<CartActionResult>(
      { ok: false, intent, lineId, error: cartErrorMessage(error, intent) },
      { status },
    );
  }
}

export function meta() {
  return [
    { title: 'Your cart' },
    { name: 'description', content: 'The items in your cart and your saved items.' },
  ];
}

const DONE: Record<string, string> = {
  update: 'Quantity updated.',
  remove: 'Item removed.',
  save: 'Item saved for later.',
  move: 'Item moved to your cart.',
  'remove-saved': 'Saved item removed.',
};

export default function Cart({ loaderData, actionData }: Route.ComponentProps) {
  const { cart, unpaid } = loaderData;
  const failed = actionData && !actionData.ok && actionData.intent ? actionData : null;
  const errorFor = (list: 'cart' | 'saved', id: number) =>
    failed && failed.intent && listOf(failed.intent) === list && failed.lineId === id ? failed.error : null;
  // A line that vanished meanwhile (removed in another tab) cannot show its own error: the page shows it.
  const orphan =
    failed?.intent &&
    !(listOf(failed.intent) === 'cart' ? cart.items : cart.saved).some((line) => line.id === failed.lineId);
  const blocked = cart.items.filter((line) => line.warning === 'unavailable');
  const short = cart.items.filter(
    (line) => line.warning === 'out_of_stock' || line.warning === 'insufficient_stock',
  );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Your cart</h1>
      {actionData?.ok && actionData.intent ? <Notice tone="success">{DONE[actionData.intent]}</Notice> : null}
      {actionData && !actionData.ok && (!actionData.intent || orphan) ? (
        <Notice tone="error">{actionData.error}</Notice>
      ) : null}
      {unpaid.map((order) => (
        <Notice key={order.id}>
          Order {order.number} ({formatMoney(order.totalAmount, order.currency)}) is waiting for payment.{' '}
          <Link to={`/orders/${order.id}/pay`} className="font-semibold underline">
            Pay now
          </Link>
        </Notice>
      ))}
      {cart.items.length === 0 ? (
        <section className="card py-10 text-center">
          <h2 className="text-lg font-semibold">Your cart is empty</h2>
          <p className="mt-2 text-slate-700">Find something you like and add it to your cart.</p>
          <Link to="/search" className="btn-primary mt-4">
            Browse products
          </Link>
        </section>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
          <section aria-labelledby="cart-items-heading">
            <h2 id="cart-items-heading" className="sr-only">
              Items in your cart
            </h2>
            <ul className="divide-y divide-slate-200 border-y border-slate-200">
              {cart.items.map((line) => (
                <CartLine
                  key={line.id}
                  line={line}
                  currency={cart.currency}
                  error={errorFor('cart', line.id)}
                />
              ))}
            </ul>
          </section>
          <section aria-labelledby="summary-heading" className="card h-fit space-y-4">
            <h2 id="summary-heading" className="text-lg font-semibold">
              Order summary
            </h2>
            <Totals {...cart.totals} />
            {short.length > 0 ? (
              <p className="text-sm text-red-700">
                Some items are short of stock. Lower their quantity or save them for later, or the order
                cannot be placed.
              </p>
            ) : null}
            {blocked.length > 0 ? (
              <>
                <button
                  type="button"
                  className="btn-primary w-full"
                  disabled
                  aria-describedby="checkout-blocked"
                >
                  Check out
                </button>
                <p id="checkout-blocked" className="text-sm text-red-700">
                  {blocked.length === 1 ? 'One item is' : `${blocked.length} items are`} no longer sold.
                  Remove {blocked.length === 1 ? 'it' : 'them'} or save {blocked.length === 1 ? 'it' : 'them'}{' '}
                  for later to check out.
                </p>
              </>
            ) : (
              <Link to="/checkout" className="btn-primary w-full">
                Check out
              </Link>
            )}
            <p className="text-xs text-slate-700">Tax is final once you enter your shipping address.</p>
          </section>
        </div>
      )}
      {cart.saved.length > 0 ? (
        <section aria-labelledby="saved-heading">
          <h2 id="saved-heading" className="text-xl font-bold">
            Saved for later
          </h2>
          <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
            {cart.saved.map((line) => (
              <SavedLine
                key={line.id}
                line={line}
                currency={cart.currency}
                error={errorFor('saved', line.id)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} title="Your cart could not be shown" retryHref="/cart" />;
}
