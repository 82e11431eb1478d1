import { randomUUID } from 'node:crypto';
import { createActivities } from '@market/activities';
import { createApp } from '../../app';
import { temporalDeps } from '../../platform';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { checkoutAsGuest, createStockedProduct, guestCart, type OrderApp } from '../../testing/order-app';
import { createWorker } from '../../worker';

// No worker polls the task queue (all crashed, a deploy in progress): checkout must neither hang nor lose the order.
let deps: TestDeps;
const ctx = {} as OrderApp;
const taskQueue = `orders-idle-${randomUUID()}`;
beforeAll(async () => {
  deps = await createTestDeps({ SHOP_CURRENCY: 'EUR', ORDER_ANSWER_TIMEOUT_SECONDS: '2' });
  ctx.deps = { ...deps, temporal: temporalDeps(deps.temporal.client, taskQueue) };
  ctx.app = createApp(ctx.deps);
});
afterAll(async () => {
  await ctx.worker?.shutdown();
  await deps.close();
});

test('without a worker checkout answers 503 in time; the same key later gets the one order', async () => {
  const product = await createStockedProduct(ctx, 4);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const key = randomUUID();

  const waiting = await checkoutAsGuest(ctx, token, key);
  expect(waiting.status).toBe(503);
  expect(waiting.body.code).toBe('order_processing');
  expect(waiting.headers['retry-after']).toBe('5');

  ctx.worker = await createWorker({
    address: deps.config.temporal.address!,
    namespace: deps.config.temporal.namespace,
    taskQueue,
    activities: createActivities({ db: deps.db, payments: deps.payments }),
    log: deps.log,
  });
  void ctx.worker.run();
  const answered = await checkoutAsGuest(ctx, token, key);
  expect([200, 201]).toContain(answered.status);
  expect(answered.body.order.status).toBe('awaiting_payment');
  expect(await deps.db.models.Order.count({ where: { number: answered.body.order.number } })).toBe(1);
  expect(await deps.db.models.Inventory.findByPk(product.id)).toMatchObject({ onHand: 4, reserved: 2 });
}, 120_000);
