import { randomUUID } from 'node:crypto';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { PaymentRejectedError, type PaymentProvider } from '@market/adapters/payments/port';
import type { Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { createActivities } from './index';

// refundOrder against the built-in test provider and real MariaDB: what a refusal leaves behind, and that a retry
// with the same idempotency key never makes a second row nor undoes a refund that went through.
let db: Database;
let provider: PaymentProvider;
let activities: ReturnType<typeof createActivities>;
beforeAll(async () => {
  db = await createTestDatabase();
  provider = createPaymentProvider({ provider: 'test' }, { db });
  activities = createActivities({ db, payments: provider });
});
afterAll(() => db.close());

const TOTAL = 5_000;

/** An order whose payment went through: authorized, then captured, as the order workflow does it. */
async function capturedOrder() {
  const id = randomUUID();
  const order = await db.models.Order.create({
    number: `F-${id.slice(0, 20)}`,
    email: 'refunds@example.com',
    status: 'processing',
    subtotalAmount: TOTAL,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: TOTAL,
    currency: 'EUR',
    shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'DE' },
    workflowId: `order-${id}`,
  });
  const orderId = order.id;
  const { payment } = await activities.createPayment({ orderId, idempotencyKey: `${id}:payment` });
  await activities.confirmPayment({
    orderId,
    paymentMethodId: 'pm_card_visa',
    idempotencyKey: `${id}:confirm`,
  });
  await activities.capturePayment({ orderId, idempotencyKey: `${id}:capture` });
  return { orderId, workflowId: order.workflowId, providerPaymentId: payment.id };
}

/** Money given back in the provider's own dashboard, which our records do not know about. */
const refundedElsewhere = (providerPaymentId: string, amount: number) =>
  db.models.TestPayment.update({ refundedAmount: amount }, { where: { id: providerPaymentId } });

const refundsOf = (orderId: number) =>
  db.models.Refund.findAll({ where: { orderId }, order: [['id', 'ASC']] });
const entries = (orderId: number, type: string) => db.models.OrderEvent.findAll({ where: { orderId, type } });
const refundedOf = async (orderId: number) =>
  Number((await db.models.Payment.findOne({ where: { orderId } }))!.refundedAmount);

test('a refund the provider refuses is failed, once, and fails for good; its key may still succeed later', async () => {
  const o = await capturedOrder();
  await refundedElsewhere(o.providerPaymentId, TOTAL - 500);
  const input = {
    orderId: o.orderId,
    amount: 1_000,
    idempotencyKey: `${o.workflowId}:refund:cancel`,
    reason: 'requested_by_customer',
    by: 'customer',
  };

  for (let attempt = 0; attempt < 2; attempt++) {
    const refused = await activities.refundOrder(input).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({
      type: 'PaymentRejected',
      nonRetryable: true,
      details: ['amount_too_large'],
      message: 'The refund is larger than what is left to refund.',
    });
  }
  // One row under the key, failed; no money counted; one timeline entry with the provider's code for support.
  expect(await refundsOf(o.orderId)).toEqual([
    expect.objectContaining({ status: 'failed', amount: 1_000, idempotencyKey: input.idempotencyKey }),
  ]);
  expect(await refundedOf(o.orderId)).toBe(0);
  const failed = await entries(o.orderId, 'refund_failed');
  expect(failed.map((e) => e.data)).toEqual([
    {
      amount: 1_000,
      by: 'customer',
      code: 'amount_too_large',
      message: 'The refund is larger than what is left to refund.',
    },
  ]);
  expect(await entries(o.orderId, 'payment_refunded')).toHaveLength(0);

  // The same key again for what the provider still has: the failed row becomes the succeeded refund.
  await expect(activities.refundOrder({ ...input, amount: 400 })).resolves.toEqual({ refundedAmount: 400 });
  expect(await refundsOf(o.orderId)).toEqual([
    expect.objectContaining({
      status: 'succeeded',
      amount: 400,
      providerRefundId: expect.stringMatching(/^tre_/),
    }),
  ]);
  expect(await entries(o.orderId, 'payment_refunded')).toHaveLength(1);

  // Once succeeded, a repeat is answered from our row: even a provider refusing everything changes nothing.
  const refusing: PaymentProvider = Object.assign(Object.create(provider) as PaymentProvider, {
    refundPayment: () => Promise.reject(new PaymentRejectedError('Refused.', 'charge_disputed')),
  });
  const strict = createActivities({ db, payments: refusing });
  await expect(strict.refundOrder({ ...input, amount: 400 })).resolves.toEqual({ refundedAmount: 400 });
  expect(await refundsOf(o.orderId)).toEqual([expect.objectContaining({ status: 'succeeded', amount: 400 })]);
  expect(await entries(o.orderId, 'refund_failed')).toHaveLength(1);
});

test('a provider that cannot be reached leaves the refund pending and the activity retryable', async () => {
  const o = await capturedOrder();
  const down: PaymentProvider = Object.assign(Object.create(provider) as PaymentProvider, {
    refundPayment: () =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
  });
  const input = {
    orderId: o.orderId,
    amount: 700,
    idempotencyKey: `${o.workflowId}:refund:1`,
    reason: null,
    by: 'staff:a@b.c',
  };
  const failure = await createActivities({ db, payments: down })
    .refundOrder(input)
    .catch((err: unknown) => err);
  expect(failure).not.toBeInstanceOf(ApplicationFailure); // Temporal retries it with the same key
  expect(await refundsOf(o.orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);

  await expect(activities.refundOrder(input)).resolves.toEqual({ refundedAmount: 700 });
  expect(await refundsOf(o.orderId)).toEqual([expect.objectContaining({ status: 'succeeded', amount: 700 })]);
  expect(await entries(o.orderId, 'refund_failed')).toHaveLength(0);
});

test('no captured payment or no provider fails for good, before any row is written', async () => {
  const o = await capturedOrder();
  const input = {
    orderId: o.orderId,
    amount: 100,
    idempotencyKey: `${o.workflowId}:refund:9`,
    reason: null,
    by: 'x',
  };
  const unconfigured = await createActivities({ db })
    .refundOrder(input)
    .catch((err: unknown) => err);
  expect(unconfigured).toMatchObject({ type: 'PaymentsNotConfigured', nonRetryable: true });

  await db.models.Payment.update({ status: 'cancelled' }, { where: { orderId: o.orderId } });
  const invalid = await activities.refundOrder(input).catch((err: unknown) => err);
  expect(invalid).toMatchObject({ type: 'InvalidOrder', nonRetryable: true });
  expect(await refundsOf(o.orderId)).toHaveLength(0);
});
