/**
 * The order workflow's recordings for scripts/record-histories.ts: how each order is driven (checkout, pay, ship,
 * deliver, cancel, refund, retry). The fake shop its activities run against is in order-shop.ts.
 */
import {
  cancelUpdate,
  checkoutUpdate,
  deliverUpdate,
  type OrderInput,
  type OrderState,
  orderStateQuery,
  payUpdate,
  paymentEventSignal,
  refundUpdate,
  retryUpdate,
  shipUpdate,
  workflowTypes,
} from '@market/workflows/definitions';
import { orderInput, testCards } from '@market/workflows/testing/order-fakes';
import type { WorkflowHandle } from '@temporalio/client';
import { captureFakes, failingCaptures, failingInvoices, outOfStockProductId } from './order-shop';
import type { Recording } from './recording';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the order's state until `reached` holds (a real server does not skip time: some steps take real seconds),
 * at most `timeoutMs`; then fails naming what it waited for and where the order was.
 */
async function waitForOrder(
  handle: WorkflowHandle,
  what: string,
  reached: (state: OrderState) => boolean,
  timeoutMs = 10_000,
): Promise<OrderState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await handle.query(orderStateQuery);
    if (reached(state)) return state;
    if (Date.now() > deadline) {
      throw new Error(
        `${handle.workflowId}: no ${what} within ${timeoutMs / 1000} s ` +
          `(phase ${state.phase}, stuck ${state.stuck ?? 'none'}, invoice ${state.fulfilment?.invoice ?? '-'})`,
      );
    }
    await sleep(200);
  }
}

// The order's checkout, as the API sends it (there with update-with-start, which the recording does not need).
const order = (overrides: Partial<OrderInput> = {}) => [orderInput(overrides)];
const checkout = (handle: WorkflowHandle) =>
  handle.executeUpdate(checkoutUpdate, { args: [{ requestHash: orderInput().requestHash }] });
const pay = (handle: WorkflowHandle, paymentMethodId: string) =>
  handle.executeUpdate(payUpdate, { args: [{ paymentMethodId }] });
const payWith = async (handle: WorkflowHandle, paymentMethodId: string): Promise<OrderState> => {
  await checkout(handle);
  return pay(handle, paymentMethodId);
};

// Fulfilment: the order runs until it is delivered (and its refund window, none here, has closed), cancelled or
// refunded; a real server does not skip the default 30 days.
const fulfilledOrder = () => order({ refundWindowDays: 0 });
const processing = (handle: WorkflowHandle) =>
  waitForOrder(handle, 'processing', (state) => state.phase === 'processing');
const ship = (handle: WorkflowHandle) =>
  handle.executeUpdate(shipUpdate, { args: [{ carrier: 'DHL', trackingNumber: 'DHL-1' }] });
const deliver = (handle: WorkflowHandle) => handle.executeUpdate(deliverUpdate, { args: [] });

/** A fulfilment recording: paid with a card, processing (invoice made), then `then`; no refund window. */
const afterPayment = (name: string, then: (handle: WorkflowHandle) => Promise<void>): Recording => ({
  name,
  workflowType: workflowTypes.order,
  args: fulfilledOrder(),
  drive: async (handle) => {
    await payWith(handle, testCards.visa);
    await processing(handle);
    await then(handle);
  },
});

/** A webhook delivered twice (one event id), then a pay request that finds the order already capturing. */
async function webhookTwice(handle: WorkflowHandle): Promise<void> {
  const { payment } = await checkout(handle);
  const event = {
    eventId: 'evt_history_1',
    kind: 'authorized' as const,
    providerPaymentId: payment.providerPaymentId!,
  };
  await handle.signal(paymentEventSignal, event);
  await handle.signal(paymentEventSignal, event);
  await handle.executeUpdate(payUpdate, { args: [{ paymentMethodId: testCards.visa }] });
}

/** Each order path as the code of its day ran it; order-versions.ts saves some again for the later versions. */
export const baseOrderRecordings: Recording[] = [
  // Orders (the fake shop below): paid by card; declined; never paid (a 2-second hold); out of stock.
  {
    name: 'order-paid',
    workflowType: workflowTypes.order,
    args: order(),
    drive: async (handle) => void (await payWith(handle, testCards.visa)),
  },
  {
    name: 'order-declined',
    workflowType: workflowTypes.order,
    args: order(),
    drive: async (handle) => void (await payWith(handle, testCards.declined)),
  },
  {
    name: 'order-timeout',
    workflowType: workflowTypes.order,
    args: order({ paymentTimeoutSeconds: 2 }),
    drive: async (handle) => void (await checkout(handle)),
  },
  {
    name: 'order-out-of-stock',
    workflowType: workflowTypes.order,
    args: order({
      lines: [
        {
          productId: outOfStockProductId,
          title: 'Sold out',
          unitPriceAmount: 2_000,
          quantity: 1,
          lineTotalAmount: 2_000,
        },
      ],
    }),
  },
  { name: 'order-webhook-duplicates', workflowType: workflowTypes.order, args: order(), drive: webhookTwice },
  // Fulfilment (behind patched('fulfilment')): shipped and delivered; then what support does on the way.
  afterPayment('order-delivered', async (handle) => {
    await ship(handle);
    await deliver(handle);
  }),
  // Cancelled while processing: the full refund, the stock back on the shelf.
  afterPayment('order-cancelled-processing', async (handle) => {
    await handle.executeUpdate(cancelUpdate, {
      args: [{ by: 'staff:support@market.local', reason: 'customer called' }],
    });
  }),
  // Shipped, then refunded in two parts: 10.00, then the rest (the order ends refunded).
  afterPayment('order-refunded', async (handle) => {
    await ship(handle);
    for (const amount of [1_000, null]) {
      await handle.executeUpdate(refundUpdate, { args: [{ amount, reason: 'damaged', by: 'staff:x' }] });
    }
  }),
  // Cancelled before paying: the payment voided, the stock released (no fulfilment).
  {
    name: 'order-cancelled-awaiting-payment',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      await checkout(handle);
      await handle.executeUpdate(cancelUpdate, { args: [{ by: 'customer', reason: 'changed my mind' }] });
    },
  },
  // The invoice fails its five tries (about 30 s of backoff), waits for support's retry, then works; shipping and
  // delivery follow.
  {
    name: 'order-invoice-retry',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      const { orderId } = await checkout(handle);
      failingInvoices.set(orderId!, 5);
      await pay(handle, testCards.visa);
      await waitForOrder(handle, 'invoice waiting for a retry', (state) => state.stuck === 'invoice', 90_000);
      const retried = await handle.executeUpdate(retryUpdate, { args: [] });
      if (retried.fulfilment?.invoice !== 'ready') {
        throw new Error(
          `${handle.workflowId}: the retried invoice is ${retried.fulfilment?.invoice}, not ready`,
        );
      }
      await ship(handle);
      await deliver(handle);
    },
  },
  // A guest's order never paid (a 2-second hold), behind patched('guest-unpaid-no-email'): it times out and no
  // payment_failed email goes to an address that never tried to pay.
  {
    name: 'order-guest-unpaid-no-email',
    workflowType: workflowTypes.order,
    args: order({ userId: null, guestTokenHash: 'b'.repeat(64), paymentTimeoutSeconds: 2 }),
    drive: async (handle) => void (await checkout(handle)),
  },
  // Declined, behind patched('payment-failed-email'): the order fails and the shopper gets the payment_failed email.
  {
    name: 'order-payment-failed-email',
    workflowType: workflowTypes.order,
    args: order(),
    drive: async (handle) => {
      const { phase, failureReason } = await payWith(handle, testCards.declined);
      if (phase !== 'failed' || failureReason !== 'payment_declined') {
        throw new Error(`${handle.workflowId}: the declined order is ${phase} (${failureReason ?? '-'})`);
      }
    },
  },
  // Capture fails its ten tries (about 4 minutes of backoff; the pay request answers still capturing), waits for
  // support's retry (behind patched('capture-retry')), then captures with a fresh key; fulfilment follows.
  {
    name: 'order-capture-retry',
    workflowType: workflowTypes.order,
    args: fulfilledOrder(),
    drive: async (handle) => {
      const { orderId } = await checkout(handle);
      failingCaptures.set(orderId!, 10);
      await pay(handle, testCards.visa);
      await waitForOrder(
        handle,
        'capture waiting for a retry',
        (state) => state.stuck === 'capture',
        6 * 60_000,
      );
      const retried = await handle.executeUpdate(retryUpdate, { args: [] });
      const retryKey = `${handle.workflowId}:capture:1`;
      const captured = captureFakes.inputsOf('capturePayment') as { idempotencyKey: string }[];
      if (
        retried.phase === 'capturing' ||
        retried.phase === 'failed' ||
        !captured.some((c) => c.idempotencyKey === retryKey)
      ) {
        throw new Error(
          `${handle.workflowId}: the retried capture left the order ${retried.phase}, not captured with ${retryKey}`,
        );
      }
      await processing(handle);
      await ship(handle);
      await deliver(handle);
    },
  },
];

// order-webhook-duplicates ended at paid (it predates fulfilment): this one goes on to delivered.
export const webhookTwiceDelivered = (name: string): Recording => ({
  name,
  workflowType: workflowTypes.order,
  args: fulfilledOrder(),
  drive: async (handle) => {
    await webhookTwice(handle);
    await processing(handle);
    await ship(handle);
    await deliver(handle);
  },
});
