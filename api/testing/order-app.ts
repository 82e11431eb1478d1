import { randomUUID } from 'node:crypto';
import { createActivities, type Activities } from '@market/activities';
import { createMailer, type Mailer } from '@market/adapters/mail/index';
import { testSmtpUrl } from '@market/adapters/mail/testing';
import type { Product } from '@market/db';
import { orderStateQuery } from '@market/workflows/definitions';
import request from 'supertest';
import { createApp } from '../app';
import { temporalDeps } from '../platform';
import { createWorker, type MarketWorker } from '../worker';
import { createTestDeps, type TestDeps } from './deps';

export interface OrderApp {
  deps: TestDeps;
  app: ReturnType<typeof createApp>;
  worker: MarketWorker;
  /** The worker's mailer: SMTP to the stack's Mailpit (read it with MailpitClient). */
  mailer: Mailer;
}

export interface OrderAppOptions {
  env?: Record<string, string>;
  /** The worker's SMTP server; the stack's shared Mailpit when absent (read at beforeAll, after earlier hooks). */
  smtpUrl?: () => string;
  /** Replace some of the worker's activities (a scripted payment provider, a slow capture). */
  activities?: (real: Activities, deps: TestDeps) => Partial<Activities>;
}

/**
 * Registers beforeAll/afterAll for an order suite: real deps, the app, and an in-process worker on a task queue of
 * the suite's own running the real workflows and activities against the same database, S3 and Mailpit.
 */
export function useOrderApp(options: OrderAppOptions = {}): OrderApp {
  const ctx = {} as OrderApp;
  let running: Promise<void>;
  beforeAll(async () => {
    const deps = await createTestDeps({ SHOP_CURRENCY: 'EUR', ...options.env });
    const taskQueue = `orders-${randomUUID()}`;
    ctx.deps = { ...deps, temporal: temporalDeps(deps.temporal.client, taskQueue) };
    ctx.app = createApp(ctx.deps);
    ctx.mailer = createMailer({
      kind: 'smtp',
      url: options.smtpUrl?.() ?? testSmtpUrl(),
      from: deps.config.mail.from,
    });
    const real = createActivities({
      db: deps.db,
      payments: deps.payments,
      storage: deps.storage,
      mailer: ctx.mailer,
      shop: { ...deps.config.shop, from: deps.config.mail.from },
      guestHoldMaxPercent: deps.config.checkout.guestHoldMaxPercent,
      unpaidOrderEmailsPerHour: deps.config.emailLimits.unpaidOrderPerHour,
    });
    ctx.worker = await createWorker({
      address: deps.config.temporal.address!,
      namespace: deps.config.temporal.namespace,
      taskQueue,
      activities: { ...real, ...options.activities?.(real, deps) },
      log: deps.log,
    });
    running = ctx.worker.run();
  }, 120_000);
  afterAll(async () => {
    await ctx.worker?.shutdown();
    await running;
    await ctx.mailer?.close();
    await ctx.deps?.close();
  });
  return ctx;
}

let productSeq = 0;

/** An active EUR product with `stock` units on hand. */
export async function createStockedProduct(
  ctx: OrderApp,
  stock: number,
  priceAmount = 1_250,
): Promise<Product> {
  productSeq += 1;
  const slug = `order-${process.pid}-${productSeq}-${randomUUID().slice(0, 8)}`;
  const product = await ctx.deps.db.models.Product.create({
    slug,
    title: `Order product ${productSeq}`,
    priceAmount,
    currency: 'EUR',
    status: 'active',
  });
  await ctx.deps.db.models.Inventory.create({ productId: product.id, onHand: stock, reserved: 0 });
  return product;
}

/** A guest cart holding `quantity` of each product, through the API; returns its Cart-Token. */
export async function guestCart(ctx: OrderApp, items: { productId: number; quantity: number }[]) {
  let token: string | undefined;
  for (const item of items) {
    const res = await request(ctx.app)
      .post('/api/cart/items')
      .set(token ? { 'Cart-Token': token } : {})
      .send(item)
      .expect(200);
    token = res.headers['cart-token'] ?? token;
  }
  return token!;
}

export const address = {
  name: 'Ada Shopper',
  line1: '1 Market Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

/** POST /api/checkout as a guest. */
export function checkoutAsGuest(ctx: OrderApp, token: string, key: string = randomUUID(), body: object = {}) {
  return request(ctx.app)
    .post('/api/checkout')
    .set({ 'Cart-Token': token, 'Idempotency-Key': key })
    .send({ shippingAddress: address, email: 'guest@example.com', ...body });
}

export function pay(ctx: OrderApp, token: string, orderId: number, paymentMethodId: string) {
  return request(ctx.app)
    .post(`/api/orders/${orderId}/pay`)
    .set({ 'Cart-Token': token })
    .send({ paymentMethodId });
}

/** Rows an order writes: a refused request must leave these unchanged. */
export async function orderRowCounts(ctx: OrderApp) {
  const { Order, StockReservation, Payment } = ctx.deps.db.models;
  return {
    orders: await Order.count(),
    reservations: await StockReservation.count(),
    payments: await Payment.count(),
  };
}

export interface ProcessingOrder {
  id: number;
  number: string;
  total: number;
  /** The guest's Cart-Token: reads and cancels the order as its shopper. */
  token: string;
  productId: number;
}

/**
 * A paid guest order of 2 units out of 5 (20.00 each), once its workflow has moved it on to processing: the state
 * support acts on. The workflow's own phase, not only the row, since actions are checked against the phase.
 */
export async function processingOrder(ctx: OrderApp): Promise<ProcessingOrder> {
  const product = await createStockedProduct(ctx, 5, 2_000);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const placed = await checkoutAsGuest(ctx, token).expect(201);
  const { id, number, totalAmount } = placed.body.order;
  await pay(ctx, token, id, 'pm_card_visa').expect(200);
  const handle = ctx.deps.temporal.client.workflow.getHandle(`order-${number}`);
  const phase = async () => (await handle.query(orderStateQuery)).phase;
  for (let i = 0; i < 100 && (await phase()) !== 'processing'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await phase()).toBe('processing');
  return { id, number, total: totalAmount, token, productId: product.id };
}
