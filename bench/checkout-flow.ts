import { randomUUID } from 'node:crypto';

/** One guest's checkout through the public API, timed step by step (milliseconds, performance.now()). */
export interface CheckoutTiming {
  /** POST /api/cart/items (the cart is created by the first item). */
  cartMs: number;
  /** POST /api/checkout: the order workflow started, stock reserved, payment created. */
  checkoutMs: number;
  /** POST /api/orders/:id/pay until it answers. */
  payMs: number;
  /** From sending POST /api/checkout to the order seen paid (the pay answer, or a poll after it). */
  toPaidMs: number;
  /** Cart → paid: the whole flow. */
  totalMs: number;
  /** GET polls needed after the pay answer (0 when the pay answer already said paid). */
  polls: number;
}

const address = {
  name: 'Bench Shopper',
  line1: '1 Market Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: object,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, json };
}

function expectStatus(step: string, got: { status: number; json: unknown }, want: number): void {
  if (got.status !== want) {
    throw new Error(`${step} answered ${got.status}: ${JSON.stringify(got.json).slice(0, 300)}`);
  }
}

const orderStatus = (json: Record<string, unknown>) =>
  (json.order as { status?: string } | undefined)?.status;

/**
 * Guest cart with one item → checkout (Idempotency-Key, Cart-Token, address, email) → pay with pm_card_visa (the
 * built-in test provider) → paid. The pay update answers once the order settles or after a short wait, so a pay
 * answer that is not yet `paid` is followed by GET /api/orders/:id every 10 ms until it is.
 */
export async function checkoutOnce(base: string, productId: number): Promise<CheckoutTiming> {
  const t0 = performance.now();
  const cart = await call(base, 'POST', '/api/cart/items', {}, { productId, quantity: 1 });
  expectStatus('POST /api/cart/items', cart, 200);
  const token = cart.headers.get('cart-token');
  if (!token) throw new Error('POST /api/cart/items answered without a Cart-Token');
  const guest = { 'Cart-Token': token };

  const t1 = performance.now();
  const placed = await call(
    base,
    'POST',
    '/api/checkout',
    { ...guest, 'Idempotency-Key': randomUUID() },
    { shippingAddress: address, email: 'bench@example.com' },
  );
  expectStatus('POST /api/checkout', placed, 201);
  const orderId = (placed.json.order as { id: number }).id;

  const t2 = performance.now();
  const paid = await call(base, 'POST', `/api/orders/${orderId}/pay`, guest, {
    paymentMethodId: 'pm_card_visa',
  });
  expectStatus('POST /api/orders/:id/pay', paid, 200);
  const t3 = performance.now();

  let status = orderStatus(paid.json);
  let polls = 0;
  // Paid, or already moved on to processing (fulfilment): either way the money is taken.
  while (status !== 'paid' && status !== 'processing') {
    if (status === 'failed') throw new Error(`order ${orderId} failed: ${JSON.stringify(paid.json.order)}`);
    if (performance.now() - t3 > 60_000) throw new Error(`order ${orderId} not paid after 60 s (${status})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const read = await call(base, 'GET', `/api/orders/${orderId}`, guest);
    expectStatus('GET /api/orders/:id', read, 200);
    status = read.json.status as string;
    polls += 1;
  }
  const t4 = performance.now();
  return { cartMs: t1 - t0, checkoutMs: t2 - t1, payMs: t3 - t2, toPaidMs: t4 - t1, totalMs: t4 - t0, polls };
}
