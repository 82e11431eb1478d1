import { WorkflowUpdateStage } from '@temporalio/client';
import {
  cancelUpdate,
  type CancelRequest,
  checkoutUpdate,
  deliverUpdate,
  payUpdate,
  refundUpdate,
  shipUpdate,
} from './order-messages';
import { authorize, orderMessages, until, useOrderHarness } from './testing/order-drive';
import { createOrderFakes, fakePayment, orderInput, testCards } from './testing/order-fakes';
import { gate, updateRefusal } from './testing/order-harness';

// The order workflow where two things meet: a cancel racing a card confirmation, a cancel while the invoice is
// still failing, actions that arrive while the run is finishing. Each must end the run cleanly, with nothing
// charged, held or left waiting.
// Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { checkout, pay, ship, none } = orderMessages(input);
const cancel = { args: [{ by: 'customer', reason: 'changed my mind' }] as [CancelRequest] };
const DAY = 24 * 60 * 60 * 1000;

test('a cancel during a card confirmation waits for it, then voids: no capture, no second confirmation', async () => {
  const confirming = gate();
  let confirmed = false;
  let voidedAfterConfirm: boolean | null = null;
  const fakes = createOrderFakes({
    overrides: {
      confirmPayment: async ({ orderId }) => {
        await confirming.opened;
        confirmed = true;
        return fakePayment(orderId, 'authorized');
      },
      cancelPayment: async () => {
        voidedAfterConfirm = confirmed;
      },
    },
  });
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    const paying = handle.executeUpdate(payUpdate, { ...pay(testCards.visa), updateId: 'pay-1' });
    while (fakes.count('confirmPayment') === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const cancelling = await handle.startUpdate(cancelUpdate, {
      ...cancel,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    // A second pay while the cancel waits: it must not start another confirmation.
    const again = handle.executeUpdate(payUpdate, { ...pay(testCards.visa), updateId: 'pay-2' });
    // Time enough for a void to go out beside the confirmation, if the workflow let it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    confirming.open();
    return {
      paid: await paying,
      again: await again,
      cancelled: await cancelling.result(),
      result: await handle.result(),
    };
  });

  expect(out.cancelled).toMatchObject({ phase: 'cancelled', failureReason: null });
  expect(out.result).toEqual(out.cancelled);
  expect(fakes.count('confirmPayment')).toBe(1);
  expect(fakes.count('capturePayment')).toBe(0);
  // The void comes after the confirmation, never beside it.
  expect(voidedAfterConfirm).toBe(true);
  expect(fakes.steps().slice(-3)).toEqual(['cancelPayment', 'releaseStock', 'cancelOrder']);
  expect(fakes.emails()).toEqual(['order_cancelled']);
});

test('cancelled while the invoice keeps failing: the run completes without waiting for a retry', async () => {
  const fakes = createOrderFakes({
    overrides: {
      generateInvoice: async () => {
        throw new Error('object storage unavailable');
      },
    },
  });
  const out = await harness.run(fakes.activities, input, async (handle) => {
    await authorize(handle, input);
    await until(harness, handle, (state) => state.phase === 'processing');
    // Cancelled during the invoice's tries: they fail later, while the run is ending.
    const cancelled = await handle.executeUpdate(cancelUpdate, cancel);
    return { cancelled, result: await handle.result() };
  });

  expect(out.cancelled).toMatchObject({ phase: 'cancelled' });
  expect(out.result).toMatchObject({ phase: 'cancelled', fulfilment: { refundedAmount: 2_500 } });
  // The run waited for the invoice to give up (its five tries), not for a retry nobody will send.
  expect(fakes.count('generateInvoice')).toBe(5);
  for (const step of ['refundOrder', 'restockOrder', 'cancelOrder'] as const) {
    expect([step, fakes.count(step)]).toEqual([step, 1]);
  }
});

test('once the refund window has closed, a refund is refused while the last email still goes out', async () => {
  let mailUp = false;
  const fakes = createOrderFakes({
    overrides: {
      // The delivery email keeps failing (retried with backoff): the run waits for it after the window closes.
      sendOrderEmail: async ({ template }) => {
        if (template === 'order_delivered' && !mailUp) throw new Error('SMTP unavailable');
        return { status: 'sent' as const };
      },
    },
  });
  const out = await harness.run(fakes.activities, orderInput({ refundWindowDays: 1 }), async (handle) => {
    await authorize(handle, input);
    await until(harness, handle, (state) => state.phase === 'processing');
    await handle.executeUpdate(shipUpdate, ship);
    await handle.executeUpdate(deliverUpdate, none);
    const withinWindow = await handle.executeUpdate(refundUpdate, {
      args: [{ amount: 100, reason: 'scratch', by: 'staff:x' }],
    });
    await harness.env.sleep(DAY + 60_000);
    const late = await updateRefusal(
      handle.executeUpdate(refundUpdate, { args: [{ amount: 100, reason: 'late', by: 'staff:x' }] }),
    );
    mailUp = true;
    return { withinWindow, late, result: await handle.result() };
  });

  expect(out.withinWindow).toMatchObject({ fulfilment: { refundedAmount: 100 } });
  expect(out.late).toBe('InvalidTransition');
  expect(out.result).toMatchObject({ phase: 'delivered', fulfilment: { refundedAmount: 100 } });
  expect(fakes.count('refundOrder')).toBe(1);
  // Sent once it worked, after many failed tries.
  expect(
    fakes
      .emails()
      .filter((template) => template !== 'order_delivered')
      .sort(),
  ).toEqual(['order_confirmation', 'order_refunded', 'order_shipped']);
  expect(fakes.count('sendOrderEmail')).toBeGreaterThan(4);
});
