import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateStage } from '@temporalio/client';
import { checkoutUpdate, payUpdate, paymentEventSignal } from './order-messages';
import { authorizedEvent, orderMessages, placedSteps, useOrderHarness } from './testing/order-drive';
import { createOrderFakes, orderInput, testCards } from './testing/order-fakes';

// The order's capture when the provider fails it, on Temporal's time-skipping test server (the retry support
// takes is in order-fulfilment-support.test.ts). Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { checkout, pay } = orderMessages(input);

test('a capture the provider rejects waits six days for a retry, then voids, releases and fails', async () => {
  const fakes = createOrderFakes({
    overrides: {
      capturePayment: async () => {
        throw ApplicationFailure.nonRetryable('This PaymentIntent could not be captured', 'PaymentRejected');
      },
    },
  });
  const result = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    // Not waiting for the pay answer: it waits in real time, and only result() lets time skip.
    await handle.startUpdate(payUpdate, {
      ...pay(testCards.visa),
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    return handle.result();
  });

  expect(result).toMatchObject({ phase: 'failed', failureReason: 'capture_failed' });
  expect(fakes.names()).toEqual([
    ...placedSteps,
    'confirmPayment',
    'capturePayment',
    'cancelPayment',
    'releaseStock',
    'failOrder',
  ]);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'capture_failed' }]);
});

test('a capture that keeps failing is tried ten times, waits for a retry, then the order fails', async () => {
  const fakes = createOrderFakes({
    overrides: {
      capturePayment: async () => {
        throw new Error('provider unavailable');
      },
    },
  });
  const result = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
    return handle.result(); // time skips through the retry backoff
  });

  expect(result).toMatchObject({ phase: 'failed', failureReason: 'capture_failed' });
  expect(fakes.count('capturePayment')).toBe(10);
  expect(fakes.names().slice(-3)).toEqual(['cancelPayment', 'releaseStock', 'failOrder']);
});
