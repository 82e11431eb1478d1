import { checkoutUpdate, payUpdate, paymentEventSignal } from './order-messages';
import { authorizedEvent, orderMessages, placedSteps, useOrderHarness } from './testing/order-drive';
import { createOrderFakes, orderInput, testCards } from './testing/order-fakes';

// An order whose payment never comes: the hold's timer gives the stock back, on Temporal's time-skipping test
// server. Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { checkout } = orderMessages(input);

test('no authorization within paymentTimeoutSeconds gives the stock back and fails the order', async () => {
  const fakes = createOrderFakes();
  const { startedAt, result, endedAt } = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    const startedAt = await harness.env.currentTimeMs();
    // An authorization for some other payment is not this order's.
    await handle.signal(paymentEventSignal, {
      ...authorizedEvent('evt_other'),
      providerPaymentId: 'pi_other',
    });
    const result = await handle.result(); // time skips to the hold's timer
    return { startedAt, result, endedAt: await harness.env.currentTimeMs() };
  });

  expect(result).toMatchObject({ phase: 'failed', failureReason: 'payment_timeout' });
  expect(endedAt - startedAt).toBeGreaterThanOrEqual(1_800_000);
  expect(fakes.steps()).toEqual([...placedSteps, 'cancelPayment', 'releaseStock', 'failOrder']);
  expect(fakes.emails()).toEqual(['payment_failed']);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'payment_timeout' }]);
  expect(fakes.count('capturePayment')).toBe(0);
});

describe('a guest’s order that times out', () => {
  const guest = orderInput({
    userId: null,
    guestTokenHash: 'b'.repeat(64),
    idempotencyKey: 'guest:b:checkout-1',
  });
  const guestMessages = orderMessages(guest);

  test('without a single payment attempt sends no payment_failed email', async () => {
    const fakes = createOrderFakes();
    const result = await harness.run(fakes.activities, guest, async (handle) => {
      await handle.executeUpdate(checkoutUpdate, guestMessages.checkout);
      return handle.result(); // time skips to the hold's timer
    });
    expect(result).toMatchObject({ phase: 'failed', failureReason: 'payment_timeout' });
    expect(fakes.steps()).toEqual([...placedSteps, 'cancelPayment', 'releaseStock', 'failOrder']);
    expect(fakes.emails()).toEqual([]);
  });

  test('after an attempt left waiting for 3-D Secure still gets it', async () => {
    const fakes = createOrderFakes();
    const result = await harness.run(fakes.activities, guest, async (handle) => {
      await handle.executeUpdate(checkoutUpdate, guestMessages.checkout);
      const waiting = await handle.executeUpdate(payUpdate, {
        args: [{ paymentMethodId: testCards.threeDSecure }],
      });
      expect(waiting.payment.state).toBe('requires_action');
      return handle.result();
    });
    expect(result).toMatchObject({ phase: 'failed', failureReason: 'payment_timeout' });
    expect(fakes.emails()).toEqual(['payment_failed']);
  });
});
