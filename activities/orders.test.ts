import { randomUUID } from 'node:crypto';
import { createPaymentProvider } from '@market/adapters/payments/index';
import type { Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { createActivities } from './index';
import type { PlaceOrderInput } from './orders';

// Each order activity may run again after a crash or a retry: running it twice must change things once.
let db: Database;
let activities: ReturnType<typeof createActivities>;
beforeAll(async () => {
  db = await createTestDatabase();
  activities = createActivities({ db, payments: createPaymentProvider({ provider: 'test' }, { db }) });
});
afterAll(() => db.close());

async function product(stock: number, priceAmount = 1_000) {
  const row = await db.models.Product.create({
    slug: `act-${randomUUID()}`,
    title: 'Activity product',
    priceAmount,
    currency: 'EUR',
    status: 'active',
  });
  await db.models.Inventory.create({ productId: row.id, onHand: stock, reserved: 0 });
  return row;
}

function orderInput(lines: { productId: number; quantity: number }[]): PlaceOrderInput {
  const priced = lines.map((l) => ({
    ...l,
    title: 'x',
    unitPriceAmount: 1_000,
    lineTotalAmount: 1_000 * l.quantity,
  }));
  const subtotal = priced.reduce((sum, l) => sum + l.lineTotalAmount, 0);
  const id = randomUUID();
  return {
    workflowId: `order-${id}`,
    number: `T-${id.slice(0, 20)}`,
    userId: null,
    email: 'a@example.com',
    guestTokenHash: null,
    idempotencyKey: `test:${id}`,
    requestHash: 'h',
    currency: 'EUR',
    lines: priced,
    subtotalAmount: subtotal,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: subtotal,
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
  };
}

const stock = async (productId: number) => {
  const row = await db.models.Inventory.findByPk(productId);
  return { onHand: row!.onHand, reserved: row!.reserved };
};

test('placeOrder twice writes one order', async () => {
  const p = await product(5);
  const input = orderInput([{ productId: p.id, quantity: 1 }]);
  const [a, b] = await Promise.all([activities.placeOrder(input), activities.placeOrder(input)]);
  expect(a.orderId).toBe(b.orderId);
  expect(await db.models.Order.count({ where: { workflowId: input.workflowId } })).toBe(1);
  expect(await db.models.OrderItem.count({ where: { orderId: a.orderId } })).toBe(1);
});

test('reserveStock holds all lines or none, naming the short products', async () => {
  const plenty = await product(5);
  const scarce = await product(1);
  const { orderId } = await activities.placeOrder(
    orderInput([
      { productId: plenty.id, quantity: 2 },
      { productId: scarce.id, quantity: 2 },
    ]),
  );
  const refused = await activities.reserveStock({ orderId, seconds: 60 }).catch((err: unknown) => err);
  expect(refused).toBeInstanceOf(ApplicationFailure);
  expect(refused).toMatchObject({ type: 'OutOfStock', nonRetryable: true, details: [[scarce.id]] });
  expect(await stock(plenty.id)).toEqual({ onHand: 5, reserved: 0 });
  expect(await stock(scarce.id)).toEqual({ onHand: 1, reserved: 0 });
  expect(await db.models.StockReservation.count({ where: { orderId } })).toBe(0);
});

/** placeOrderAndHold's input: the order of these lines, held for a minute. */
const heldOrder = (lines: { productId: number; quantity: number }[]) => ({
  ...orderInput(lines),
  holdSeconds: 60,
});

const timeline = async (orderId: number) =>
  (await db.models.OrderEvent.findAll({ where: { orderId }, order: [['id', 'ASC']] })).map((e) => e.type);

test('placeOrderAndHold places the order and holds its stock in one step; run again it changes nothing', async () => {
  const a = await product(5);
  const b = await product(5);
  // Lines out of product order: they are held in product order all the same.
  const input = heldOrder([
    { productId: b.id, quantity: 1 },
    { productId: a.id, quantity: 2 },
  ]);
  const [first, racing] = await Promise.all([
    activities.placeOrderAndHold(input),
    activities.placeOrderAndHold(input),
  ]);
  const again = await activities.placeOrderAndHold(input);
  expect(first.hold).toEqual({ expiresAt: expect.any(String) });
  expect(racing).toEqual(first);
  expect(again).toEqual(first);
  const { orderId } = first;
  expect(await db.models.Order.count({ where: { workflowId: input.workflowId } })).toBe(1);
  expect((await db.models.Order.findByPk(orderId))!.status).toBe('pending');
  expect(await db.models.OrderItem.count({ where: { orderId } })).toBe(2);
  const holds = await db.models.StockReservation.findAll({
    where: { orderId },
    order: [['productId', 'ASC']],
  });
  expect(holds.map((h) => [h.productId, h.quantity, h.status, h.guest])).toEqual([
    [a.id, 2, 'held', true],
    [b.id, 1, 'held', true],
  ]);
  expect(holds[0]!.expiresAt.toISOString()).toBe((first.hold as { expiresAt: string }).expiresAt);
  expect(await stock(a.id)).toEqual({ onHand: 5, reserved: 2 });
  expect(await stock(b.id)).toEqual({ onHand: 5, reserved: 1 });
  expect(await timeline(orderId)).toEqual(['order_placed', 'stock_reserved']);
  // The rest of the order's life goes on from there as before: the compensation gives the stock back.
  await activities.releaseStock({ orderId });
  expect(await stock(a.id)).toEqual({ onHand: 5, reserved: 0 });
});

test('placeOrderAndHold with a short line places the order alone and names the short products', async () => {
  const plenty = await product(5);
  const scarce = await product(1);
  const input = heldOrder([
    { productId: plenty.id, quantity: 2 },
    { productId: scarce.id, quantity: 2 },
  ]);
  const placed = await activities.placeOrderAndHold(input);
  expect(placed.hold).toEqual({ shortProductIds: [scarce.id] });
  expect(await db.models.Order.count({ where: { workflowId: input.workflowId } })).toBe(1);
  expect(await db.models.OrderItem.count({ where: { orderId: placed.orderId } })).toBe(2);
  expect(await db.models.StockReservation.count({ where: { orderId: placed.orderId } })).toBe(0);
  expect(await stock(plenty.id)).toEqual({ onHand: 5, reserved: 0 });
  expect(await stock(scarce.id)).toEqual({ onHand: 1, reserved: 0 });
  expect(await timeline(placed.orderId)).toEqual(['order_placed']);
  // Run again (its answer lost): the same order, still short, nothing held.
  expect(await activities.placeOrderAndHold(input)).toEqual(placed);
  expect(await stock(plenty.id)).toEqual({ onHand: 5, reserved: 0 });
  expect(await db.models.Order.count({ where: { workflowId: input.workflowId } })).toBe(1);
});

test('placeOrderAndHold refuses an order whose number another workflow holds, writing nothing', async () => {
  const p = await product(5);
  const taken = orderInput([{ productId: p.id, quantity: 1 }]);
  await activities.placeOrder(taken);
  const clash = { ...heldOrder([{ productId: p.id, quantity: 1 }]), number: taken.number };
  const refused = await activities.placeOrderAndHold(clash).catch((err: unknown) => err);
  expect(refused).toMatchObject({ type: 'InvalidOrder', nonRetryable: true });
  expect(await db.models.Order.count({ where: { workflowId: clash.workflowId } })).toBe(0);
  expect(await stock(p.id)).toEqual({ onHand: 5, reserved: 0 });
});

test('reserve, release and complete each count once when run again', async () => {
  const p = await product(5);
  const held = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 2 }]));
  const first = await activities.reserveStock({ orderId: held.orderId, seconds: 60 });
  const again = await activities.reserveStock({ orderId: held.orderId, seconds: 60 });
  expect(again.expiresAt).toBe(first.expiresAt);
  expect(await stock(p.id)).toEqual({ onHand: 5, reserved: 2 });
  await activities.releaseStock({ orderId: held.orderId });
  await activities.releaseStock({ orderId: held.orderId });
  expect(await stock(p.id)).toEqual({ onHand: 5, reserved: 0 });

  const sold = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 3 }]));
  await activities.reserveStock({ orderId: sold.orderId, seconds: 60 });
  await Promise.all([
    activities.completeOrder({ orderId: sold.orderId }),
    activities.completeOrder({ orderId: sold.orderId }),
  ]);
  expect(await stock(p.id)).toEqual({ onHand: 2, reserved: 0 });
  const sales = await db.models.StockMovement.findAll({ where: { productId: p.id, reason: 'sale' } });
  expect(sales.map((s) => s.delta)).toEqual([-3]);
  // A paid order's stock is not released by a late compensation.
  await activities.releaseStock({ orderId: sold.orderId });
  expect(await stock(p.id)).toEqual({ onHand: 2, reserved: 0 });
  expect((await db.models.Order.findByPk(sold.orderId))!.status).toBe('paid');
});

test('payment activities run twice charge once', async () => {
  const p = await product(5);
  const { orderId } = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 1 }]));
  const key = `order-${randomUUID()}`;
  const [a, b] = await Promise.all([
    activities.createPayment({ orderId, idempotencyKey: `${key}:payment` }),
    activities.createPayment({ orderId, idempotencyKey: `${key}:payment` }),
  ]);
  expect(b).toEqual(a);
  expect(await db.models.OrderEvent.count({ where: { orderId, type: 'payment_created' } })).toBe(1);
  expect(await db.models.Payment.count({ where: { orderId } })).toBe(1);
  const confirm = { orderId, paymentMethodId: 'pm_card_visa', idempotencyKey: `${key}:confirm:1` };
  expect((await activities.confirmPayment(confirm)).state).toBe('authorized');
  expect((await activities.confirmPayment(confirm)).state).toBe('authorized');
  const capture = { orderId, idempotencyKey: `${key}:capture` };
  await Promise.all([activities.capturePayment(capture), activities.capturePayment(capture)]);
  const charge = await db.models.TestPayment.findByPk(a.payment.id);
  expect(charge!.captureCount).toBe(1);
  const payment = await db.models.Payment.findOne({ where: { orderId } });
  expect(payment!.status).toBe('captured');
  const captured = await db.models.OrderEvent.count({ where: { orderId, type: 'payment_captured' } });
  expect(captured).toBe(1);
  // Cancelling a captured payment is refused by the provider: the compensation refunds it instead, once
  // (activities/payments.test.ts has the details).
  await activities.cancelPayment({ orderId, idempotencyKey: `${key}:cancel` });
  await activities.cancelPayment({ orderId, idempotencyKey: `${key}:cancel` });
  expect(await db.models.Payment.findOne({ where: { orderId } })).toMatchObject({
    status: 'captured',
    refundedAmount: payment!.amount,
  });
  expect(await db.models.TestRefund.count({ where: { paymentId: a.payment.id } })).toBe(1);
});

test('a move from one status, run twice at once, moves the order once; on a missing order it fails for good', async () => {
  const p = await product(5);
  const { orderId } = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 1 }]));
  await Promise.all([
    activities.markOrder({ orderId, status: 'awaiting_payment' }),
    activities.markOrder({ orderId, status: 'awaiting_payment' }),
  ]);
  const moves = await db.models.OrderEvent.findAll({ where: { orderId, type: 'status_changed' } });
  expect(moves.map((m) => [m.fromStatus, m.toStatus])).toEqual([['pending', 'awaiting_payment']]);
  expect((await db.models.Order.findByPk(orderId))!.status).toBe('awaiting_payment');
  // Not in `from` any more: nothing changes, and no error (a retry whose first attempt did it).
  await activities.markOrder({ orderId, status: 'awaiting_payment' });
  expect(await db.models.OrderEvent.count({ where: { orderId, type: 'status_changed' } })).toBe(1);
  // After payment (fulfilment.ts): the same one-status move.
  await db.models.Order.update({ status: 'paid' }, { where: { id: orderId } });
  await activities.setOrderStatus({ orderId, from: ['paid'], to: 'processing' });
  await activities.setOrderStatus({ orderId, from: ['paid'], to: 'processing' });
  const processing = await db.models.OrderEvent.findAll({ where: { orderId, toStatus: 'processing' } });
  expect(processing.map((m) => m.fromStatus)).toEqual(['paid']);

  const missing = await activities
    .markOrder({ orderId: 2_000_000_000, status: 'awaiting_payment' })
    .catch((err: unknown) => err);
  expect(missing).toBeInstanceOf(ApplicationFailure);
  expect(missing).toMatchObject({ type: 'InvalidOrder', nonRetryable: true });
});

test('createPayment with awaitPayment marks the order awaiting payment with the payment, once when run twice', async () => {
  const p = await product(5);
  const { orderId } = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 1 }]));
  const key = `order-${randomUUID()}`;
  const input = { orderId, idempotencyKey: `${key}:payment`, awaitPayment: true };
  const [a, b] = await Promise.all([activities.createPayment(input), activities.createPayment(input)]);
  expect(b).toEqual(a);
  expect(await activities.createPayment(input)).toEqual(a);
  expect((await db.models.Order.findByPk(orderId))!.status).toBe('awaiting_payment');
  const timeline = await db.models.OrderEvent.findAll({ where: { orderId }, order: [['id', 'ASC']] });
  expect(timeline.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
    ['order_placed', null, 'pending'],
    ['payment_created', null, null],
    ['status_changed', 'pending', 'awaiting_payment'],
  ]);
  // Without it (orders started before 2026-12-07), the order stays pending for markOrder.
  const { orderId: older } = await activities.placeOrder(orderInput([{ productId: p.id, quantity: 1 }]));
  const olderInput = { orderId: older, idempotencyKey: `${key}:older:payment` };
  await activities.createPayment(olderInput);
  expect((await db.models.Order.findByPk(older))!.status).toBe('pending');
  // The payment already recorded (a run reset to its start, say): awaitPayment still moves the order, once.
  await activities.createPayment({ ...olderInput, awaitPayment: true });
  await activities.createPayment({ ...olderInput, awaitPayment: true });
  expect((await db.models.Order.findByPk(older))!.status).toBe('awaiting_payment');
  expect(await db.models.OrderEvent.count({ where: { orderId: older, type: 'status_changed' } })).toBe(1);
  expect(await db.models.OrderEvent.count({ where: { orderId: older, type: 'payment_created' } })).toBe(1);
});
