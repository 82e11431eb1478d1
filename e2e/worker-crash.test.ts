import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { deliverUpdate, orderStateQuery, shipUpdate } from '@market/workflows/definitions';
import { createApp } from '../api/app';
import { temporalDeps } from '../api/platform';
import { createTestDeps, stackEnv, type TestDeps } from '../api/testing/deps';
import { outboxEmails } from './testing/outbox';
import { expectStatus, Shopper } from './testing/shop';
import {
  startWorkerProcess,
  testDatabaseUrl,
  waitForWorker,
  type WorkerProcess,
} from './testing/worker-process';

// The worker process dies (SIGKILL: no graceful shutdown) in the middle of an order and another one takes over:
// the order still completes, and exactly once — one capture at the provider, stock taken off the shelf once.
// The API runs here; the workers are `npm run worker` child processes on a task queue of this suite's own, against
// the real test database and Temporal.

jest.setTimeout(180_000);

const taskQueue = `crash-${randomUUID()}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'market-crash-'));
const outbox = path.join(dataDir, 'outbox');
const workers: WorkerProcess[] = [];
let deps: TestDeps;
let server: Server;
let api: string;

async function newWorker(): Promise<WorkerProcess> {
  const worker = startWorkerProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_URL: testDatabaseUrl(),
    TEMPORAL_ADDRESS: stackEnv('MARKET_TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    STORAGE_SIGNING_SECRET: 'test-storage-secret-long-enough-to-sign-urls',
    PAYMENTS_PROVIDER: 'test',
    SHOP_CURRENCY: 'EUR',
  });
  workers.push(worker);
  await waitForWorker(worker);
  return worker;
}

beforeAll(async () => {
  // No refund window: once delivered the run completes, and the checks below can wait for it.
  deps = await createTestDeps({ SHOP_CURRENCY: 'EUR', REFUND_WINDOW_DAYS: '0' });
  const app = createApp({ ...deps, temporal: temporalDeps(deps.temporal.client, taskQueue) });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await new Promise((resolve) => server?.close(resolve));
  await deps?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function stockedProduct(onHand: number) {
  const { Product, Inventory } = deps.db.models;
  const product = await Product.create({
    slug: `crash-${randomUUID()}`,
    title: 'Crash test product',
    priceAmount: 1_500,
    currency: 'EUR',
    status: 'active',
  });
  await Inventory.create({ productId: product.id, onHand, reserved: 0 });
  return product;
}

/** A guest order for `quantity` units, placed (stock reserved, payment created) while a worker runs. */
async function placeOrder(productId: number, quantity: number) {
  const shopper = new Shopper(api);
  expectStatus(await shopper.addToCart(productId, quantity), 200);
  const placed = await shopper.checkout();
  expectStatus(placed, 201);
  expect(placed.body.order.status).toBe('awaiting_payment');
  return { shopper, orderId: placed.body.order.id };
}

/** Settled-or-not flag for a promise, to show a request is still waiting. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.finally(() => (state.settled = true)).catch(() => undefined);
  return state;
}

/**
 * Ships and delivers the paid order through its workflow, waits for the run to end, then checks that everything
 * the order left says it was paid once, whatever the workers went through, and each email went out once.
 */
async function expectPaidExactlyOnce(
  orderId: number,
  productId: number,
  onHandBefore: number,
  quantity: number,
) {
  const { Order, Payment, TestPayment, Inventory, OrderEvent, StockMovement } = deps.db.models;
  const order = (await Order.findByPk(orderId))!;
  const handle = deps.temporal.client.workflow.getHandle(order.workflowId);
  const deadline = Date.now() + 60_000;
  while ((await handle.query(orderStateQuery)).phase !== 'processing' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await handle.executeUpdate(shipUpdate, { args: [{ carrier: 'DHL', trackingNumber: `DHL-${orderId}` }] });
  await handle.executeUpdate(deliverUpdate, { args: [] });
  // The workflow is over: no retried activity of a dead worker can still change anything after the checks.
  expect(await handle.result()).toMatchObject({ phase: 'delivered' });
  await order.reload();
  expect(order.status).toBe('delivered');
  for (const template of ['order_confirmation', 'order_shipped', 'order_delivered']) {
    expect([template, outboxEmails(outbox, order.workflowId, template).length]).toEqual([template, 1]);
  }

  const payments = await Payment.findAll({ where: { orderId } });
  expect(payments.map((p) => p.status)).toEqual(['captured']);
  const atProvider = await TestPayment.findByPk(payments[0]!.providerPaymentId!);
  expect(atProvider).toMatchObject({ status: 'succeeded', captureCount: 1 });

  const inventory = (await Inventory.findByPk(productId))!;
  expect({ onHand: inventory.onHand, reserved: inventory.reserved }).toEqual({
    onHand: onHandBefore - quantity,
    reserved: 0,
  });
  const events = await OrderEvent.findAll({ where: { orderId, type: 'payment_captured' } });
  expect(events).toHaveLength(1);
  const sales = await StockMovement.findAll({ where: { productId, reason: 'sale' } });
  expect(sales.map((m) => ({ delta: m.delta, reference: m.reference }))).toEqual([
    { delta: -quantity, reference: order.number },
  ]);
}

test('the worker is killed between checkout and pay; the pay waits, a new worker completes it once', async () => {
  const first = await newWorker();
  const product = await stockedProduct(5);
  const { shopper, orderId } = await placeOrder(product.id, 2);

  await first.kill();
  const key = randomUUID();
  const paying = track(shopper.pay(orderId, 'pm_card_visa', key));
  await new Promise((r) => setTimeout(r, 3_000));
  expect(paying.settled).toBe(false); // nobody runs the workflow: the pay request waits

  await newWorker();
  // Answered once the new worker runs the order (or 503 order_processing first, then asked again with the key).
  const paid = await shopper.payUntilAnswered(orderId, 'pm_card_visa', { key, first: paying.promise });
  expectStatus(paid, 200);
  expect(['paid', 'processing']).toContain(paid.body.order.status);
  await expectPaidExactlyOnce(orderId, product.id, 5, 2);
});

/** When to kill: right after the pay request leaves, or on seeing the order reach a step in the database. */
const moments = {
  sent: null,
  // The confirmation is recorded: the capture activity is next, or running.
  authorized: async (orderId: number) => {
    const payment = await deps.db.models.Payment.findOne({ where: { orderId } });
    return payment?.status === 'authorized' || payment?.status === 'captured';
  },
  // The provider took the money: the worker dies before (or while) the capture and the sale are recorded, and the
  // retried capture must not charge again.
  captured: async (orderId: number) => {
    const payment = await deps.db.models.Payment.findOne({ where: { orderId } });
    const atProvider = payment?.providerPaymentId
      ? await deps.db.models.TestPayment.findByPk(payment.providerPaymentId)
      : null;
    return (atProvider?.captureCount ?? 0) > 0;
  },
};

test.each(Object.keys(moments) as (keyof typeof moments)[])(
  'the worker is killed mid-pay (%s); a new worker completes the order once',
  async (moment) => {
    const running = workers.find((w) => w.child.exitCode === null && w.child.signalCode === null);
    const worker = running ?? (await newWorker());
    const product = await stockedProduct(4);
    const { shopper, orderId } = await placeOrder(product.id, 1);

    const key = randomUUID();
    const paying = shopper.pay(orderId, 'pm_card_visa', key);
    const reached = moments[moment];
    if (reached) {
      const deadline = Date.now() + 20_000;
      while (!(await reached(orderId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    }
    await worker.kill();

    await newWorker();
    const paid = await shopper.payUntilAnswered(orderId, 'pm_card_visa', { key, first: paying });
    // Paid, or (when the dead worker's capture had to time out first) still capturing: never charged twice.
    expectStatus(paid, 200);
    expect(['paid', 'processing', 'awaiting_payment']).toContain(paid.body.order.status);
    expect((await shopper.waitForOrder(orderId, 'processing', 120_000)).status).toBe('processing');
    await expectPaidExactlyOnce(orderId, product.id, 4, 1);
  },
);
