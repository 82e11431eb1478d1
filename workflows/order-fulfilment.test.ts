import {
  cancelUpdate,
  type CancelRequest,
  checkoutUpdate,
  deliverUpdate,
  orderStateQuery,
  type OrderState,
  refundUpdate,
  type RefundRequest,
  shipUpdate,
} from './order-messages';
import {
  authorize,
  orderMessages,
  paidByWebhookSteps,
  placedSteps,
  until,
  useOrderHarness,
} from './testing/order-drive';
import { createOrderFakes, orderInput } from './testing/order-fakes';
import { gate, type OrderHandle, updateRefusal } from './testing/order-harness';

// The order after payment (workflows/order-fulfilment.ts) on Temporal's time-skipping test server: cancel, ship,
// deliver, refund and the refund window. Retries and failing emails: order-fulfilment-support.test.ts.
// Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const input = orderInput();
const { checkout, ship, none: deliver } = orderMessages(input);
const byStaff = 'staff:support@example.com';
const cancel = { args: [{ by: byStaff, reason: 'customer called' }] as [CancelRequest] };
const refund = (amount: number | null) => ({
  args: [{ amount, reason: 'damaged', by: byStaff }] as [RefundRequest],
});
const paidByWebhook = paidByWebhookSteps;
const toProcessing = { orderId: 1, from: ['paid'], to: 'processing' };

/** The run's status; with `awaited`, polls (in real time: the test server's clock stays put) until it has it. */
async function status(handle: OrderHandle, awaited?: string): Promise<string> {
  for (let tries = 0; ; tries += 1) {
    const { name } = (await handle.describe()).status;
    if (!awaited || name === awaited || tries === 50) return name;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Checkout and an authorization webhook, then waits until the order is processing with its invoice made. */
async function processing(handle: OrderHandle): Promise<OrderState> {
  await authorize(handle, input);
  return until(
    harness,
    handle,
    (state) => state.phase === 'processing' && state.fulfilment?.invoice === 'ready',
  );
}

test('cancel while processing: full refund, restock, cancelled; a repeat answers the same; ship is refused', async () => {
  // The run sends its emails before it ends: holding the cancellation email keeps it open for the next messages.
  const mailing = gate();
  const fakes = createOrderFakes({
    overrides: {
      sendOrderEmail: async ({ template }) => {
        if (template === 'order_cancelled') await mailing.opened;
        return { status: 'sent' };
      },
    },
  });
  const { workflowId, cancelled, again, shipAfter, result } = await harness.run(
    fakes.activities,
    input,
    async (handle) => {
      await processing(handle);
      const cancelled = await handle.executeUpdate(cancelUpdate, cancel);
      const again = await handle.executeUpdate(cancelUpdate, cancel);
      const shipAfter = await updateRefusal(handle.executeUpdate(shipUpdate, ship));
      mailing.open();
      return { workflowId: handle.workflowId, cancelled, again, shipAfter, result: await handle.result() };
    },
  );

  expect(cancelled).toMatchObject({
    phase: 'cancelled',
    payment: { state: 'captured' },
    fulfilment: { capturedAmount: 2_500, refundedAmount: 2_500, shipment: null, invoice: 'ready' },
  });
  expect(again).toEqual(cancelled);
  expect(shipAfter).toBe('InvalidTransition');
  expect(result).toEqual(cancelled);
  // Refund first (the money), then the stock, then the order row; the captured payment is not voided.
  expect(fakes.steps()).toEqual([
    ...paidByWebhook,
    'setOrderStatus',
    'generateInvoice',
    'refundOrder',
    'restockOrder',
    'cancelOrder',
  ]);
  expect(fakes.inputsOf('refundOrder')).toEqual([
    {
      orderId: 1,
      amount: 2_500,
      idempotencyKey: `${workflowId}:refund:cancel`,
      reason: 'requested_by_customer',
      by: byStaff,
    },
  ]);
  expect(fakes.inputsOf('restockOrder')).toEqual([{ orderId: 1 }]);
  expect(fakes.inputsOf('cancelOrder')).toEqual([{ orderId: 1, by: byStaff, reason: 'customer called' }]);
  expect(fakes.emails().sort()).toEqual(['order_cancelled', 'order_confirmation']);
});

test('cancel while awaiting payment: the payment is cancelled, the stock released, nothing refunded', async () => {
  const fakes = createOrderFakes();
  const { workflowId, answered, result } = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    const answered = await handle.executeUpdate(cancelUpdate, {
      args: [{ by: 'customer', reason: 'changed my mind' }],
    });
    return { workflowId: handle.workflowId, answered, result: await handle.result() };
  });

  expect(answered).toMatchObject({
    phase: 'cancelled',
    failureReason: null,
    payment: { state: 'requires_payment_method', clientSecret: null },
  });
  expect(answered.fulfilment).toBeUndefined();
  expect(result).toEqual(answered);
  // The compensations, newest first, then the order row marked cancelled (not failed).
  expect(fakes.names()).toEqual([
    ...placedSteps,
    'cancelPayment',
    'releaseStock',
    'cancelOrder',
    'sendOrderEmail',
  ]);
  expect(fakes.inputsOf('cancelPayment')).toEqual([{ orderId: 1, idempotencyKey: `${workflowId}:cancel` }]);
  expect(fakes.inputsOf('releaseStock')).toEqual([{ orderId: 1 }]);
  expect(fakes.inputsOf('cancelOrder')).toEqual([{ orderId: 1, by: 'customer', reason: 'changed my mind' }]);
  expect(fakes.emails()).toEqual(['order_cancelled']);
  expect(fakes.inputsOf('sendOrderEmail')).toEqual([
    { orderId: 1, template: 'order_cancelled', dedupeKey: `${workflowId}:email:order_cancelled` },
  ]);
});

test('deliver before ship and cancel after ship are refused; a repeated ship records one shipment', async () => {
  const fakes = createOrderFakes();
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await processing(handle);
    const deliverFirst = await updateRefusal(handle.executeUpdate(deliverUpdate, deliver));
    const shipped = await handle.executeUpdate(shipUpdate, ship);
    const shippedAgain = await handle.executeUpdate(shipUpdate, ship);
    const cancelAfter = await updateRefusal(handle.executeUpdate(cancelUpdate, cancel));
    const delivered = await handle.executeUpdate(deliverUpdate, deliver);
    return { deliverFirst, shipped, shippedAgain, cancelAfter, delivered, result: await handle.result() };
  });

  expect(out.deliverFirst).toBe('InvalidTransition');
  expect(out.shipped).toMatchObject({
    phase: 'shipped',
    fulfilment: { shipment: { carrier: 'DHL', trackingNumber: 'TRACK1', trackingUrl: null } },
  });
  expect(out.shippedAgain).toEqual(out.shipped);
  expect(out.cancelAfter).toBe('InvalidTransition');
  expect(out.delivered).toMatchObject({ phase: 'delivered' });
  expect(out.result).toMatchObject({
    phase: 'delivered',
    fulfilment: { refundedAmount: 0, shipment: { trackingNumber: 'TRACK1' } },
  });
  expect(fakes.steps()).toEqual([
    ...paidByWebhook,
    'setOrderStatus',
    'generateInvoice',
    'recordShipment',
    'recordDelivery',
  ]);
  expect(fakes.inputsOf('recordShipment')).toEqual([
    { orderId: 1, carrier: 'DHL', trackingNumber: 'TRACK1', trackingUrl: null },
  ]);
  expect(fakes.emails().sort()).toEqual(['order_confirmation', 'order_delivered', 'order_shipped']);
});

test('refunds: part, then too much is refused, then the rest ends the order as refunded', async () => {
  const fakes = createOrderFakes();
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await processing(handle);
    const partial = await handle.executeUpdate(refundUpdate, refund(1_000));
    const tooLarge = await updateRefusal(handle.executeUpdate(refundUpdate, refund(2_000)));
    const invalid = [
      await updateRefusal(handle.executeUpdate(refundUpdate, refund(0))),
      await updateRefusal(handle.executeUpdate(refundUpdate, refund(-5))),
      await updateRefusal(handle.executeUpdate(refundUpdate, refund(1.5))),
    ];
    const rest = await handle.executeUpdate(refundUpdate, refund(null));
    return { workflowId: handle.workflowId, partial, tooLarge, invalid, rest, result: await handle.result() };
  });

  expect(out.partial).toMatchObject({
    phase: 'processing',
    fulfilment: { capturedAmount: 2_500, refundedAmount: 1_000 },
  });
  expect(out.tooLarge).toBe('RefundTooLarge');
  // The API's schema refuses these first; the workflow does too, and none of them refunds anything.
  expect(out.invalid).toEqual(['InvalidRefund', 'InvalidRefund', 'InvalidRefund']);
  expect(out.rest).toMatchObject({
    phase: 'refunded',
    fulfilment: { capturedAmount: 2_500, refundedAmount: 2_500 },
  });
  expect(out.result).toEqual(out.rest); // the run completes once everything is refunded
  const key = (n: number) => `${out.workflowId}:refund:${n}`;
  expect(fakes.inputsOf('refundOrder')).toEqual([
    { orderId: 1, amount: 1_000, idempotencyKey: key(1), reason: 'damaged', by: byStaff },
    { orderId: 1, amount: 1_500, idempotencyKey: key(2), reason: 'damaged', by: byStaff },
  ]);
  expect(fakes.inputsOf('setOrderStatus')).toEqual([
    toProcessing,
    { orderId: 1, from: ['processing', 'shipped', 'delivered'], to: 'refunded' },
  ]);
  expect(fakes.emails().sort()).toEqual(['order_confirmation', 'order_refunded', 'order_refunded']);
  const refundEmails = (fakes.inputsOf('sendOrderEmail') as { template: string; dedupeKey: string }[])
    .filter((email) => email.template === 'order_refunded')
    .map((email) => email.dedupeKey)
    .sort();
  expect(refundEmails).toEqual([
    `${out.workflowId}:email:order_refunded:1`,
    `${out.workflowId}:email:order_refunded:2`,
  ]);
  expect(fakes.count('restockOrder')).toBe(0);
  expect(fakes.count('cancelOrder')).toBe(0);
});

test('after delivery the run takes refunds for refundWindowDays, then completes', async () => {
  const fakes = createOrderFakes();
  const out = await harness.run(fakes.activities, orderInput({ refundWindowDays: 2 }), async (handle) => {
    await processing(handle);
    await handle.executeUpdate(shipUpdate, ship);
    await handle.executeUpdate(deliverUpdate, deliver);
    const deliveredAt = await harness.env.currentTimeMs();
    await harness.env.sleep(DAY);
    const queried = await handle.query(orderStateQuery);
    const refunded = await handle.executeUpdate(refundUpdate, refund(500));
    await harness.env.sleep(DAY - MINUTE);
    const beforeEnd = await status(handle);
    await harness.env.sleep(2 * MINUTE);
    // The clock stands still from here (nothing unlocks it): read it before result() lets time skip again.
    const endedAt = await harness.env.currentTimeMs();
    const afterEnd = await status(handle, 'COMPLETED');
    return { deliveredAt, queried, refunded, beforeEnd, endedAt, afterEnd, result: await handle.result() };
  });

  expect(out.queried).toMatchObject({ phase: 'delivered', fulfilment: { refundedAmount: 0 } });
  expect(out.refunded).toMatchObject({ phase: 'delivered', fulfilment: { refundedAmount: 500 } });
  // Open a minute before the window closes, over a minute after: the input's 2 days, not the default 30.
  expect(out.beforeEnd).toBe('RUNNING');
  expect(out.afterEnd).toBe('COMPLETED');
  expect(out.endedAt - out.deliveredAt).toBeGreaterThanOrEqual(2 * DAY);
  expect(out.result).toEqual(out.refunded);
  expect(fakes.inputsOf('refundOrder')).toEqual([expect.objectContaining({ amount: 500 })]);
  expect(fakes.inputsOf('setOrderStatus')).toEqual([toProcessing]);
  expect(fakes.emails().sort()).toEqual([
    'order_confirmation',
    'order_delivered',
    'order_refunded',
    'order_shipped',
  ]);
});
