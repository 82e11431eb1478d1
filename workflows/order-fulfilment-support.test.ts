import { ApplicationFailure } from '@temporalio/common';
import { deliverUpdate, type OrderState, retryUpdate, shipUpdate } from './order-messages';
import {
  authorize,
  orderMessages,
  paidByWebhookSteps,
  until as untilState,
  useOrderHarness,
} from './testing/order-drive';
import { createOrderFakes, fakePayment, orderInput } from './testing/order-fakes';
import { type OrderHandle, updateRefusal } from './testing/order-harness';

// The order after payment when something keeps failing: support's retry of a stuck invoice or capture, and a mail
// server that refuses everything. Cancel, ship, deliver, refunds: order-fulfilment.test.ts.
// Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { ship, none: deliver } = orderMessages(input);
const retry = deliver;
const until = (handle: OrderHandle, ready: (state: OrderState) => boolean, stepMs?: number) =>
  untilState(harness, handle, ready, stepMs);

test('an invoice that keeps failing waits for a retry; shipping goes on; the retry makes it', async () => {
  let invoiceWorks = false;
  const fakes = createOrderFakes({
    overrides: {
      generateInvoice: async ({ orderId }) => {
        if (!invoiceWorks) throw new Error('object storage unavailable');
        return { number: `INV-${orderId}`, storageKey: `invoices/${orderId}.pdf` };
      },
    },
  });
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await authorize(handle, input);
    const stuck = await until(handle, (state) => state.stuck === 'invoice');
    const triesWhenStuck = fakes.count('generateInvoice');
    const shipped = await handle.executeUpdate(shipUpdate, ship);
    invoiceWorks = true;
    const retried = await handle.executeUpdate(retryUpdate, retry);
    const nothingStuck = await updateRefusal(handle.executeUpdate(retryUpdate, retry));
    await handle.executeUpdate(deliverUpdate, deliver);
    return { stuck, triesWhenStuck, shipped, retried, nothingStuck, result: await handle.result() };
  });

  expect(out.stuck).toMatchObject({
    phase: 'processing',
    stuck: 'invoice',
    fulfilment: { invoice: 'failed' },
  });
  expect(out.triesWhenStuck).toBe(5);
  expect(out.shipped).toMatchObject({
    phase: 'shipped',
    stuck: 'invoice',
    fulfilment: { invoice: 'failed' },
  });
  expect(out.retried).toMatchObject({ phase: 'shipped', stuck: null, fulfilment: { invoice: 'ready' } });
  expect(out.nothingStuck).toBe('NothingToRetry');
  expect(out.result).toMatchObject({ phase: 'delivered', stuck: null, fulfilment: { invoice: 'ready' } });
  // Five tries, then the one the retry started (it works at once).
  expect(fakes.inputsOf('generateInvoice')).toEqual(Array(6).fill({ orderId: 1 }));
  expect(fakes.steps().filter((name) => name !== 'generateInvoice')).toEqual([
    ...paidByWebhookSteps,
    'setOrderStatus',
    'recordShipment',
    'recordDelivery',
  ]);
  expect(fakes.emails().sort()).toEqual(['order_confirmation', 'order_delivered', 'order_shipped']);
});

test('a capture that fails ten times waits for a retry, which captures with a fresh key and goes on', async () => {
  let captureWorks = false;
  const fakes = createOrderFakes({
    overrides: {
      capturePayment: async ({ orderId }) => {
        if (!captureWorks) throw new Error('provider unavailable');
        return fakePayment(orderId, 'captured');
      },
    },
  });
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await authorize(handle, input);
    // Ten tries take about four minutes of backoff.
    const stuck = await until(handle, (state) => state.stuck === 'capture', 10_000);
    const triesWhenStuck = fakes.count('capturePayment');
    captureWorks = true;
    const retried = await handle.executeUpdate(retryUpdate, retry);
    await until(handle, (state) => state.fulfilment?.invoice === 'ready');
    await handle.executeUpdate(shipUpdate, ship);
    await handle.executeUpdate(deliverUpdate, deliver);
    return { workflowId: handle.workflowId, stuck, triesWhenStuck, retried, result: await handle.result() };
  });

  expect(out.stuck).toMatchObject({ phase: 'capturing', stuck: 'capture', payment: { state: 'authorized' } });
  expect(out.triesWhenStuck).toBe(10);
  expect(out.retried).toMatchObject({ stuck: null, payment: { state: 'captured' } });
  expect(['paid', 'processing']).toContain(out.retried.phase);
  expect(out.result).toMatchObject({
    phase: 'delivered',
    failureReason: null,
    payment: { state: 'captured' },
    fulfilment: { capturedAmount: 2_500, invoice: 'ready' },
  });
  // The ten tries share the first key; the retry's capture is a new provider request with a key of its own.
  expect(fakes.inputsOf('capturePayment')).toEqual([
    ...Array(10).fill({ orderId: 1, idempotencyKey: `${out.workflowId}:capture` }),
    { orderId: 1, idempotencyKey: `${out.workflowId}:capture:1` },
  ]);
  const afterCapture = fakes.steps().slice(fakes.steps().lastIndexOf('capturePayment') + 1);
  expect(afterCapture).toEqual([
    'completeOrder',
    'setOrderStatus',
    'generateInvoice',
    'recordShipment',
    'recordDelivery',
  ]);
  expect(fakes.count('cancelPayment')).toBe(0);
  expect(fakes.count('failOrder')).toBe(0);
});

test('emails that cannot be sent never fail the order', async () => {
  const fakes = createOrderFakes({
    overrides: {
      sendOrderEmail: async () => {
        throw ApplicationFailure.nonRetryable('x', 'MailNotConfigured');
      },
    },
  });
  const result = await harness.run(fakes.activities, input, async (handle) => {
    await authorize(handle, input);
    await until(handle, (state) => state.phase === 'processing');
    await handle.executeUpdate(shipUpdate, ship);
    await handle.executeUpdate(deliverUpdate, deliver);
    return handle.result();
  });

  expect(result).toMatchObject({
    phase: 'delivered',
    failureReason: null,
    fulfilment: { shipment: { trackingNumber: 'TRACK1' }, invoice: 'ready' },
  });
  // Each email tried once (the failure is not retryable), and the order went on regardless.
  expect(fakes.emails().sort()).toEqual(['order_confirmation', 'order_delivered', 'order_shipped']);
  expect(fakes.steps().slice(-4).sort()).toEqual(
    ['generateInvoice', 'recordDelivery', 'recordShipment', 'setOrderStatus'].sort(),
  );
});
