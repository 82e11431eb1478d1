import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { checkoutUpdate } from './order-messages';
import { createOrderFakes, orderInput } from './testing/order-fakes';
import { orderMessages, useOrderHarness } from './testing/order-drive';

// Whatever ends an order early — a cancel from Temporal Web, an activity that failed for good — nothing stays held.

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { checkout } = orderMessages(input);

test('cancelling a waiting order cancels the payment, releases the stock and fails the order', async () => {
  const fakes = createOrderFakes();
  const error = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    await handle.cancel();
    return handle.result().then(
      () => null,
      (err: unknown) => err,
    );
  });
  expect(error).toBeInstanceOf(WorkflowFailedError);
  expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
  expect(fakes.names().slice(-3)).toEqual(['cancelPayment', 'releaseStock', 'failOrder']);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'cancelled' }]);
  expect(fakes.names()).not.toContain('capturePayment');
});

test('an activity that fails for good undoes what was done and fails the run', async () => {
  const fakes = createOrderFakes({
    overrides: {
      createPayment: async () => {
        throw ApplicationFailure.nonRetryable('the worker has no payment provider', 'PaymentsNotConfigured');
      },
    },
  });
  const error = await harness.run(fakes.activities, input, (handle) =>
    handle.result().then(
      () => null,
      (err: unknown) => err,
    ),
  );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  expect(fakes.names()).toEqual(['placeOrderAndHold', 'createPayment', 'releaseStock', 'failOrder']);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'internal_error' }]);
});
