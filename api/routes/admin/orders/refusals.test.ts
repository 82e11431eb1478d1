import type { Express } from 'express';
import { ApplicationFailure } from '@temporalio/common';
import request from 'supertest';
import { createApp } from '../../../app';
import { processingOrder as placeProcessingOrder, useOrderApp } from '../../../testing/order-app';
import { createTestUser, type TestUser } from '../../../testing/users';

/**
 * Refunds and cancels that an activity refuses for good, inside the workflow's update: the API answers with the
 * refusal (not a 500) and the order is left as it was. The provider's refusal is real: the built-in test provider
 * refuses a refund larger than what it has left to refund, which is what happens when money was given back in the
 * provider's dashboard behind the shop's back. The other refusal types cannot be reached through the workflow's
 * own checks, so refundOrder is scripted for them (below).
 */

/** Order id → the ApplicationFailure type refundOrder throws for it (once), as the real activity would. */
const scripted = new Map<number, string>();
const ctx = useOrderApp({
  activities: (real) => ({
    refundOrder: (input) => {
      const type = scripted.get(input.orderId);
      if (!type) return real.refundOrder(input);
      scripted.delete(input.orderId);
      return Promise.reject(ApplicationFailure.nonRetryable(`scripted ${type}`, type));
    },
  }),
});
let app: Express;
let support: TestUser;

beforeAll(async () => {
  app = createApp(ctx.deps);
  support = await createTestUser(ctx.deps, { role: 'support' });
});

const processingOrder = () => placeProcessingOrder(ctx);

const act = (id: number, verb: string, body: object = {}) =>
  request(app).post(`/api/admin/orders/${id}/${verb}`).set(support.auth).send(body);
const read = (id: number) => request(app).get(`/api/admin/orders/${id}`).set(support.auth).expect(200);

/** Gives `amount` back in the provider's dashboard: the provider then has less left than the shop thinks. */
async function refundedAtProvider(orderId: number, amount: number) {
  const payment = await ctx.deps.db.models.Payment.findOne({ where: { orderId } });
  await ctx.deps.db.models.TestPayment.update(
    { refundedAmount: amount },
    { where: { id: payment!.providerPaymentId! } },
  );
}

test('a refund the provider refuses is a 409 refund_refused; nothing changes; a later refund works', async () => {
  const order = await processingOrder();
  await refundedAtProvider(order.id, order.total - 500);

  const refused = await act(order.id, 'refund', { full: true, reason: 'damaged' });
  expect(refused.status).toBe(409);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body).toMatchObject({
    code: 'refund_refused',
    title: 'Refund refused',
    providerCode: 'amount_too_large',
    detail: 'The payment provider refused the refund: The refund is larger than what is left to refund.',
  });

  const after = (await read(order.id)).body;
  expect(after).toMatchObject({ status: 'processing', refundedAmount: 0 });
  expect(after.refunds).toEqual([expect.objectContaining({ amount: order.total, status: 'failed' })]);
  expect(after.timeline).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        type: 'refund_failed',
        data: expect.objectContaining({ code: 'amount_too_large' }),
      }),
    ]),
  );

  // What the provider still has can be refunded.
  const refund = await act(order.id, 'refund', { amount: 300, reason: 'damaged' });
  expect(refund.status).toBe(200);
  expect(refund.body).toMatchObject({ status: 'processing', refundedAmount: 300 });
  expect(refund.body.refunds.map((r: { amount: number; status: string }) => [r.amount, r.status])).toEqual([
    [order.total, 'failed'],
    [300, 'succeeded'],
  ]);
});

test('a cancel whose refund the provider refuses is a 409 refund_refused; the order and its stock stay', async () => {
  const order = await processingOrder();
  await refundedAtProvider(order.id, order.total);

  const refused = await act(order.id, 'cancel', { reason: 'Customer called' });
  expect([refused.status, refused.body.code]).toEqual([409, 'refund_refused']);

  const after = (await read(order.id)).body;
  expect(after).toMatchObject({ status: 'processing', refundedAmount: 0 });
  expect(after.refunds).toEqual([expect.objectContaining({ status: 'failed' })]);
  const stock = await ctx.deps.db.models.Inventory.findByPk(order.productId);
  expect({ onHand: stock!.onHand, reserved: stock!.reserved }).toEqual({ onHand: 3, reserved: 0 });
});

test.each([
  ['RefundTooLarge', 422, 'refund_too_large'],
  ['InvalidOrder', 409, 'invalid_transition'],
  ['PaymentsNotConfigured', 503, 'payments_unavailable'],
])('refundOrder failing for good as %s answers %i %s', async (type, status, code) => {
  const order = await processingOrder();
  scripted.set(order.id, type);
  const res = await act(order.id, 'refund', { amount: 100 });
  expect([res.status, res.body.code]).toEqual([status, code]);
  expect((await read(order.id)).body).toMatchObject({ status: 'processing', refundedAmount: 0 });
  // The run goes on: the next refund is done.
  expect((await act(order.id, 'refund', { amount: 100 })).body).toMatchObject({ refundedAmount: 100 });
});

test('an activity failure of a type the API does not know is still a 500', async () => {
  const order = await processingOrder();
  scripted.set(order.id, 'SomethingElse');
  const res = await act(order.id, 'refund', { amount: 100 });
  expect(res.status).toBe(500);
  expect(res.body.detail ?? '').not.toContain('scripted');
});
