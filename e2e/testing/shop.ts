import { randomUUID } from 'node:crypto';

/**
 * A shopper driving a running API over real HTTP (fetch): guest cart, checkout, pay, read the order. The e2e suites
 * use it against `npm start` and against an API whose worker runs in another process.
 */

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface OrderBody {
  id: number;
  number: string;
  status: string;
  failureReason: string | null;
  totalAmount: number;
  payment: { status: string } | null;
  timeline: { type: string }[];
}

export const shippingAddress = {
  name: 'Ada Shopper',
  line1: '1 Market Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

async function call<T>(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export class Shopper {
  cartToken: string | null = null;

  constructor(readonly base: string) {}

  private auth(): Record<string, string> {
    return this.cartToken ? { 'Cart-Token': this.cartToken } : {};
  }

  async addToCart(productId: number, quantity: number): Promise<Answer> {
    const res = await call<Record<string, unknown>>(this.base, 'POST', '/api/cart/items', this.auth(), {
      productId,
      quantity,
    });
    this.cartToken = res.headers.get('cart-token') ?? this.cartToken;
    return res;
  }

  checkout(key = randomUUID()): Promise<Answer<{ order: OrderBody; payment: { status: string } }>> {
    return call(
      this.base,
      'POST',
      '/api/checkout',
      { ...this.auth(), 'Idempotency-Key': key },
      {
        shippingAddress,
        email: 'shopper@example.com',
      },
    );
  }

  pay(
    orderId: number,
    paymentMethodId: string,
    key?: string,
  ): Promise<Answer<{ order: OrderBody; code?: string }>> {
    const headers = { ...this.auth(), ...(key ? { 'Idempotency-Key': key } : {}) };
    return call(this.base, 'POST', `/api/orders/${orderId}/pay`, headers, { paymentMethodId });
  }

  /**
   * Pays as a well-behaved client does: a 503 order_processing (no worker answered in time) is asked again with
   * the same Idempotency-Key until another answer comes. `attempts` counts the requests sent.
   */
  async payUntilAnswered(
    orderId: number,
    paymentMethodId: string,
    options: {
      key?: string;
      first?: Promise<Answer<{ order: OrderBody; code?: string }>>;
      timeoutMs?: number;
    } = {},
  ): Promise<Answer<{ order: OrderBody; code?: string }> & { attempts: number }> {
    const key = options.key ?? randomUUID();
    const deadline = Date.now() + (options.timeoutMs ?? 150_000);
    let attempts = 1;
    let res = await (options.first ?? this.pay(orderId, paymentMethodId, key));
    while (res.status === 503 && res.body.code === 'order_processing' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      attempts += 1;
      res = await this.pay(orderId, paymentMethodId, key);
    }
    return { ...res, attempts };
  }

  order(orderId: number): Promise<Answer<OrderBody>> {
    return call(this.base, 'GET', `/api/orders/${orderId}`, this.auth());
  }

  /** Reads the order until it reaches `status` (the capture may still run after the pay answer). */
  async waitForOrder(orderId: number, status: string, timeoutMs = 90_000): Promise<OrderBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const read = await this.order(orderId);
      if (read.body?.status === status || Date.now() > deadline) return read.body;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** An active product with at least `quantity` units available, from the public catalog. */
export async function productInStock(base: string): Promise<{ id: number; price: { amount: number } }> {
  const res = await call<{ items: { id: number; availability: string; price: { amount: number } }[] }>(
    base,
    'GET',
    '/api/products?pageSize=50',
  );
  if (res.status !== 200) throw new Error(`GET /api/products answered ${res.status}`);
  const product = res.body.items.find((p) => p.availability === 'in_stock');
  if (!product) throw new Error('no product in stock in the catalog');
  return product;
}

/** Asserts the answer's status; a mismatch fails with the body (a refusal's problem details) in the message. */
export function expectStatus(res: Answer<unknown>, status: number): void {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  expect(res.status).toBe(status);
}
