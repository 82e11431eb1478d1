import { createHash, randomUUID } from 'node:crypto';
import type { Database, OrderStatus } from '@market/db';

/**
 * A known shop for the analytics suites: orders on 2026-01-10 and 2026-01-12 (none on the 11th) and just outside
 * the range, in every kind of status, with refunds, a category tree, carts and customers. It is written to a
 * database of its own, so every figure can be asserted exactly. The expected figures are worked out in
 * analytics.test.ts beside each assertion.
 */

export const RANGE = { from: '2026-01-10', to: '2026-01-12' };
const at = (iso: string) => new Date(iso);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface LineSpec {
  product: number;
  quantity: number;
  unit: number;
}

interface OrderSpec {
  status: OrderStatus;
  createdAt: string;
  lines: LineSpec[];
  shipping?: number;
  currency?: string;
  userId?: number;
  guestTokenHash?: string;
  /** Refunds of the order's payment: [amount, status]. */
  refunds?: [number, 'succeeded' | 'failed' | 'pending'][];
  /** How long ago the order was last updated (default: just now). */
  updatedHoursAgo?: number;
}

export interface AnalyticsFixture {
  products: { linenShirt: number; tee: number; novel: number; giftCard: number };
  categories: { apparel: number; shirts: number; linen: number; books: number };
  orders: Record<string, number>;
  /** updated_at of the processing order, the oldest open one. */
  oldestProcessingUpdatedAt: Date;
}

async function createOrder(db: Database, spec: OrderSpec, shopCurrency: string, now: Date) {
  const { Order, OrderItem, Payment, Refund } = db.models;
  const number = `M-A-${randomUUID().slice(0, 18)}`;
  const subtotal = spec.lines.reduce((sum, line) => sum + line.quantity * line.unit, 0);
  const total = subtotal + (spec.shipping ?? 0);
  const currency = spec.currency ?? shopCurrency;
  const updatedAt = new Date(now.getTime() - (spec.updatedHoursAgo ?? 0) * 3_600_000);
  const order = await Order.create(
    {
      number,
      email: `${number.toLowerCase()}@example.test`,
      status: spec.status,
      userId: spec.userId ?? null,
      guestTokenHash: spec.guestTokenHash ?? null,
      subtotalAmount: subtotal,
      shippingAmount: spec.shipping ?? 0,
      taxAmount: 0,
      totalAmount: total,
      currency,
      shippingAddress: { name: 'Ada', line1: '1 Street', city: 'Berlin', postalCode: '10115', country: 'DE' },
      workflowId: `order-${number}`,
      createdAt: at(spec.createdAt),
      updatedAt,
    },
    // silent: keep the updated_at given (the stuck rule reads it) instead of stamping now.
    { silent: true },
  );
  for (const line of spec.lines) {
    await OrderItem.create({
      orderId: order.id,
      productId: line.product,
      title: 'Title at checkout',
      unitPriceAmount: line.unit,
      quantity: line.quantity,
      lineTotalAmount: line.quantity * line.unit,
    });
  }
  if (spec.refunds?.length) {
    const payment = await Payment.create({
      orderId: order.id,
      provider: 'test',
      amount: total,
      currency,
      status: 'captured',
      idempotencyKey: `${order.workflowId}:payment`,
    });
    for (const [index, [amount, status]] of spec.refunds.entries()) {
      await Refund.create({
        orderId: order.id,
        paymentId: payment.id,
        amount,
        currency,
        status,
        idempotencyKey: `${order.workflowId}:refund:${index}`,
      });
    }
  }
  return order.id;
}

async function createCatalog(db: Database) {
  const { Category, Product } = db.models;
  const tag = randomUUID().slice(0, 8);
  const category = (name: string, parentId: number | null = null) =>
    Category.create({ name, slug: `${name.toLowerCase().replace(/ /g, '-')}-${tag}`, parentId });
  const apparel = await category('Apparel');
  const shirts = await category('Shirts', apparel.id);
  const linen = await category('Linen shirts', shirts.id);
  const books = await category('Books');
  const product = async (title: string, categoryId: number | null) =>
    (
      await Product.create({
        slug: `${title.toLowerCase().replace(/ /g, '-')}-${tag}`,
        title,
        priceAmount: 100,
        currency: 'EUR',
        status: 'active',
        categoryId,
      })
    ).id;
  return {
    categories: { apparel: apparel.id, shirts: shirts.id, linen: linen.id, books: books.id },
    products: {
      linenShirt: await product('Linen shirt', linen.id),
      tee: await product('Tee', shirts.id),
      novel: await product('Novel', books.id),
      giftCard: await product('Gift card', null),
    },
  };
}

async function createCustomers(db: Database) {
  const { User } = db.models;
  const user = async (role: 'customer' | 'support', createdAt: string) =>
    (await User.create({ email: `${randomUUID()}@example.test`, name: 'A', role, createdAt: at(createdAt) }))
      .id;
  return {
    before: await user('customer', '2026-01-09T23:59:59.999Z'),
    first: await user('customer', '2026-01-10T00:00:00.000Z'),
    second: await user('customer', '2026-01-11T08:00:00.000Z'),
    last: await user('customer', '2026-01-12T23:59:59.999Z'),
    staff: await user('support', '2026-01-11T09:00:00.000Z'),
    after: await user('customer', '2026-01-13T00:00:00.000Z'),
  };
}

export async function seedAnalytics(db: Database, currency: string, now: Date): Promise<AnalyticsFixture> {
  const { categories, products } = await createCatalog(db);
  const users = await createCustomers(db);
  const { linenShirt, tee, novel, giftCard } = products;
  const guestToken = { converted: sha256(randomUUID()), idle: sha256(randomUUID()) };
  const order = (spec: OrderSpec) => createOrder(db, spec, currency, now);
  const orders = {
    delivered: await order({
      status: 'delivered',
      createdAt: '2026-01-10T10:00:00.000Z',
      userId: users.first,
      lines: [
        { product: linenShirt, quantity: 2, unit: 1500 },
        { product: novel, quantity: 1, unit: 1000 },
      ],
      shipping: 500,
      refunds: [
        [500, 'succeeded'],
        [300, 'failed'],
      ],
    }),
    processing: await order({
      status: 'processing',
      createdAt: '2026-01-10T23:59:59.999Z',
      userId: users.second,
      lines: [{ product: tee, quantity: 3, unit: 800 }],
      updatedHoursAgo: 72,
    }),
    failed: await order({
      status: 'failed',
      createdAt: '2026-01-10T12:00:00.000Z',
      lines: [{ product: linenShirt, quantity: 1, unit: 1500 }],
    }),
    refunded: await order({
      status: 'refunded',
      createdAt: '2026-01-12T09:00:00.000Z',
      guestTokenHash: guestToken.converted,
      lines: [{ product: novel, quantity: 2, unit: 1000 }],
      refunds: [
        [1200, 'succeeded'],
        [800, 'succeeded'],
      ],
    }),
    paid: await order({
      status: 'paid',
      createdAt: '2026-01-12T00:00:00.000Z',
      userId: users.before,
      lines: [{ product: giftCard, quantity: 1, unit: 5000 }],
      updatedHoursAgo: 30,
    }),
    cancelled: await order({
      status: 'cancelled',
      createdAt: '2026-01-12T11:00:00.000Z',
      lines: [{ product: tee, quantity: 1, unit: 800 }],
      refunds: [[800, 'succeeded']],
    }),
    awaitingPayment: await order({
      status: 'awaiting_payment',
      createdAt: '2026-01-12T12:00:00.000Z',
      lines: [{ product: linenShirt, quantity: 1, unit: 1500 }],
      updatedHoursAgo: 2,
    }),
    otherCurrency: await order({
      status: 'shipped',
      createdAt: '2026-01-12T13:00:00.000Z',
      currency: currency === 'USD' ? 'GBP' : 'USD',
      lines: [
        { product: tee, quantity: 1, unit: 800 },
        { product: linenShirt, quantity: 1, unit: 1500 },
      ],
    }),
    pending: await order({
      status: 'pending',
      createdAt: '2026-01-12T14:00:00.000Z',
      lines: [{ product: tee, quantity: 1, unit: 800 }],
      updatedHoursAgo: 0.2,
    }),
    dayBefore: await order({
      status: 'delivered',
      createdAt: '2026-01-09T23:59:59.999Z',
      lines: [{ product: linenShirt, quantity: 10, unit: 1500 }],
    }),
    dayAfter: await order({
      status: 'delivered',
      createdAt: '2026-01-13T00:00:00.000Z',
      userId: users.last,
      lines: [{ product: novel, quantity: 10, unit: 1000 }],
    }),
  };
  const { Cart } = db.models;
  const cart = (fields: { userId?: number; guestToken?: string }, createdAt: string) =>
    Cart.create({ ...fields, currency, createdAt: at(createdAt) });
  await cart({ userId: users.before }, '2026-01-09T20:00:00.000Z'); // before the range: not counted
  await cart({ userId: users.first }, '2026-01-10T09:00:00.000Z'); // its owner ordered at 10:00: converted
  await cart({ guestToken: guestToken.converted }, '2026-01-11T12:00:00.000Z'); // the guest ordered on the 12th
  await cart({ guestToken: guestToken.idle }, '2026-01-12T08:00:00.000Z'); // no order
  await cart({ userId: users.second }, '2026-01-11T10:00:00.000Z'); // its owner's order came before the cart
  await cart({ userId: users.last }, '2026-01-12T23:00:00.000Z'); // its owner ordered after the range
  const processing = await db.models.Order.findByPk(orders.processing);
  return { products, categories, orders, oldestProcessingUpdatedAt: processing!.updatedAt };
}
