import { WorkflowUpdateStage } from '@temporalio/client';
import {
  checkoutUpdate,
  deliverUpdate,
  orderStateQuery,
  payUpdate,
  paymentEventSignal,
  shipUpdate,
} from './order-messages';
import {
  authorizedEvent,
  orderMessages,
  paidByWebhookSteps,
  placedSteps,
  until,
  useOrderHarness,
} from './testing/order-drive';
import { cardDeclined, createOrderFakes, fakePayment, orderInput, testCards } from './testing/order-fakes';
import { gate, type OrderHandle, updateRefusal } from './testing/order-harness';

// The order workflow on Temporal's time-skipping test server, with in-memory activities that record their calls.
// Needs the stack's test server: eval "$(bash scripts/stack.sh env)".

const harness = useOrderHarness(process.env.MARKET_TEST_TEMPORAL_TEST_SERVER);
const input = orderInput();
const { checkout, pay, ship, none } = orderMessages(input);
// Authorized by our own confirm, which recorded it: no recordPayment step (orders since 2026-12-07).
const paidSteps = [...placedSteps, 'confirmPayment', 'capturePayment', 'completeOrder'];
// Authorized by the provider's webhook after a 3-D Secure challenge: our row catches up before the capture.
const paidAfterChallengeSteps = [
  ...placedSteps,
  'confirmPayment',
  'recordPayment',
  'capturePayment',
  'completeOrder',
];

/** Paid orders live on (fulfilment): ship and deliver, then the result comes after the refund window. */
async function finish(handle: OrderHandle) {
  // A webhook's authorization is captured in the background: wait until fulfilment has begun.
  // env.sleep moves the test server's clock (a query loop alone would hold it still, and a retry's backoff with it).
  await until(harness, handle, (state) => state.phase === 'processing');
  await handle.executeUpdate(shipUpdate, ship);
  await handle.executeUpdate(deliverUpdate, none);
  return handle.result(); // time skips through the refund window
}

test('happy path: checkout answers awaiting payment, pay authorizes, captures once and completes', async () => {
  const fakes = createOrderFakes({
    overrides: { confirmPayment: async ({ orderId }) => fakePayment(orderId, 'authorized') },
  });
  const { workflowId, answered, paid, result } = await harness.run(
    fakes.activities,
    input,
    async (handle) => ({
      workflowId: handle.workflowId,
      answered: await handle.executeUpdate(checkoutUpdate, checkout),
      paid: await handle.executeUpdate(payUpdate, pay(testCards.visa)),
      result: await finish(handle),
    }),
  );

  expect(answered).toMatchObject({
    orderId: 1,
    number: input.number,
    phase: 'awaiting_payment',
    failureReason: null,
    payment: { id: 1, providerPaymentId: 'pi_fake_1', state: 'requires_payment_method', clientSecret: null },
    holdExpiresAt: expect.any(String),
  });
  expect(paid).toMatchObject({ phase: 'paid', failureReason: null, payment: { state: 'captured' } });
  expect(result).toMatchObject({
    phase: 'delivered',
    payment: { state: 'captured' },
    fulfilment: { capturedAmount: 2_500, refundedAmount: 0, invoice: 'ready' },
  });
  expect(fakes.steps().slice(0, paidSteps.length)).toEqual(paidSteps);
  expect(fakes.steps().slice(paidSteps.length).sort()).toEqual(
    ['generateInvoice', 'recordDelivery', 'recordShipment', 'setOrderStatus'].sort(),
  );
  expect(fakes.emails().sort()).toEqual(['order_confirmation', 'order_delivered', 'order_shipped']);
  // The workflow's idempotency keys: what makes a retried provider call harmless.
  // Placed with its stock held in one step (patched('fewer-steps')), the hold lasting the payment timeout.
  expect(fakes.inputsOf('placeOrderAndHold')).toEqual([{ ...input, workflowId, holdSeconds: 1_800 }]);
  expect(fakes.count('placeOrder') + fakes.count('reserveStock')).toBe(0);
  // The payment's step also marks the order awaiting payment: no markOrder step (orders since 2026-12-07).
  expect(fakes.inputsOf('createPayment')).toEqual([
    { orderId: 1, idempotencyKey: `${workflowId}:payment`, awaitPayment: true },
  ]);
  expect(fakes.inputsOf('confirmPayment')).toEqual([
    { orderId: 1, paymentMethodId: testCards.visa, idempotencyKey: `${workflowId}:confirm:1` },
  ]);
  expect(fakes.inputsOf('capturePayment')).toEqual([{ orderId: 1, idempotencyKey: `${workflowId}:capture` }]);
  expect(fakes.count('markOrder') + fakes.count('recordPayment')).toBe(0);
});

test('a declined card cancels the payment, then releases the stock, and fails the order', async () => {
  const fakes = createOrderFakes({
    overrides: {
      confirmPayment: async ({ orderId }) =>
        fakePayment(orderId, 'requires_payment_method', { decline: cardDeclined }),
    },
  });
  const { answered, result } = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    return {
      answered: await handle.executeUpdate(payUpdate, pay(testCards.declined)),
      result: await handle.result(),
    };
  });

  expect(answered).toMatchObject({
    phase: 'failed',
    failureReason: 'payment_declined',
    payment: { state: 'requires_payment_method', decline: cardDeclined },
  });
  expect(result).toEqual(answered);
  // Compensations newest first: the payment was created after the stock was reserved.
  expect(fakes.steps()).toEqual([
    ...placedSteps,
    'confirmPayment',
    'cancelPayment',
    'releaseStock',
    'failOrder',
  ]);
  expect(fakes.emails()).toEqual(['payment_failed']);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'payment_declined' }]);
  expect(fakes.count('capturePayment')).toBe(0);
});

test('out of stock: the order fails naming the short products, with no payment and nothing to release', async () => {
  const reserving = gate();
  const fakes = createOrderFakes({
    overrides: {
      // The order is placed; product 2 is short, so nothing is held.
      placeOrderAndHold: async () => {
        await reserving.opened;
        return { orderId: 1, hold: { shortProductIds: [2] } };
      },
    },
  });
  const { notPayable, answered, result } = await harness.run(fakes.activities, input, async (handle) => {
    // While stock is being reserved the order cannot be paid yet, and checkout waits.
    const notPayable = await updateRefusal(handle.executeUpdate(payUpdate, pay(testCards.visa)));
    const checkingOut = await handle.startUpdate(checkoutUpdate, {
      ...checkout,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    reserving.open();
    return { notPayable, answered: await checkingOut.result(), result: await handle.result() };
  });

  expect(notPayable).toBe('OrderNotPayable');
  expect(answered).toMatchObject({
    orderId: 1,
    phase: 'failed',
    failureReason: 'out_of_stock',
    shortProductIds: [2],
    payment: { id: null, providerPaymentId: null, state: null },
    holdExpiresAt: null,
  });
  expect(result).toEqual(answered);
  // placeOrderAndHold is a local activity (order-steps.ts): held here while two updates arrive, its workflow task
  // is interrupted and it runs again (at least once; a repeat places and holds nothing twice:
  // activities/orders.test.ts).
  const names = fakes.names();
  expect(names.filter((name, i) => name !== names[i - 1])).toEqual(['placeOrderAndHold', 'failOrder']);
  expect(new Set(fakes.inputsOf('placeOrderAndHold').map((call) => JSON.stringify(call))).size).toBe(1);
  expect(fakes.inputsOf('failOrder')).toEqual([{ orderId: 1, reason: 'out_of_stock' }]);
});

test('repeated pay updates, same update id or not, confirm once and capture once', async () => {
  const fakes = createOrderFakes({
    overrides: {
      // Slow enough that the three updates overlap.
      confirmPayment: async ({ orderId }) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return fakePayment(orderId, 'authorized');
      },
    },
  });
  const answers = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    return Promise.all([
      handle.executeUpdate(payUpdate, { ...pay(testCards.visa), updateId: 'pay-1' }),
      handle.executeUpdate(payUpdate, { ...pay(testCards.visa), updateId: 'pay-1' }),
      handle.executeUpdate(payUpdate, { ...pay(testCards.visa), updateId: 'pay-2' }),
    ]);
  });

  // Each answer comes once the order is paid. An update delivered after the workflow task that captured sees it
  // processing already: paid → processing is a local activity in that same task (patched('fewer-steps')).
  for (const answer of answers) {
    expect(answer).toMatchObject({ payment: { state: 'captured' }, failureReason: null });
    expect(['paid', 'processing']).toContain(answer.phase);
  }
  expect(fakes.count('confirmPayment')).toBe(1);
  expect(fakes.count('capturePayment')).toBe(1);
  expect(fakes.count('completeOrder')).toBe(1);
});

test('pay requests waiting on a confirmation in flight confirm one at a time', async () => {
  const confirming = gate();
  const fakes = createOrderFakes({
    overrides: {
      // The first card needs 3-D Secure (so the order still waits for payment), the next one is authorized.
      confirmPayment: async ({ orderId, paymentMethodId }) => {
        if (paymentMethodId !== testCards.threeDSecure) return fakePayment(orderId, 'authorized');
        await confirming.opened;
        return fakePayment(orderId, 'requires_action', { clientSecret: 'secret' });
      },
    },
  });
  const answers = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    const first = handle.executeUpdate(payUpdate, { ...pay(testCards.threeDSecure), updateId: 'pay-1' });
    while (fakes.count('confirmPayment') === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // Two more requests arrive while the first confirmation is with the provider: both wait for it.
    const waiting = await Promise.all(
      ['pay-2', 'pay-3'].map((updateId) =>
        handle.startUpdate(payUpdate, {
          ...pay(testCards.visa),
          updateId,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        }),
      ),
    );
    confirming.open();
    return Promise.all([first, ...waiting.map((update) => update.result())]);
  });

  expect(answers[0]).toMatchObject({ phase: 'awaiting_payment', payment: { state: 'requires_action' } });
  expect(['paid', 'processing']).toContain(answers[1]!.phase);
  expect(['paid', 'processing']).toContain(answers[2]!.phase);
  // One of the two waiting requests confirms; the other then finds the payment authorized.
  expect(fakes.inputsOf('confirmPayment')).toHaveLength(2);
  expect(fakes.count('capturePayment')).toBe(1);
});

test('3-D Secure: pay answers with the client secret; a repeated authorized event captures once', async () => {
  const fakes = createOrderFakes();
  const { challenged, result } = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    const challenged = await handle.executeUpdate(payUpdate, pay(testCards.threeDSecure));
    await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
    await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
    return { challenged, result: await finish(handle) };
  });

  expect(challenged).toMatchObject({
    phase: 'awaiting_payment',
    payment: { state: 'requires_action', clientSecret: 'pi_fake_1_secret' },
  });
  expect(result).toMatchObject({ phase: 'delivered', payment: { state: 'captured', clientSecret: null } });
  expect(fakes.steps().slice(0, paidAfterChallengeSteps.length)).toEqual(paidAfterChallengeSteps);
  expect(fakes.count('capturePayment')).toBe(1);
});

test('an authorized webhook without a pay request records the payment and captures once', async () => {
  const fakes = createOrderFakes();
  const result = await harness.run(fakes.activities, input, async (handle) => {
    await handle.executeUpdate(checkoutUpdate, checkout);
    await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
    await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
    return finish(handle);
  });

  expect(result).toMatchObject({ phase: 'delivered', payment: { state: 'captured' } });
  expect(fakes.steps().slice(0, paidByWebhookSteps.length)).toEqual(paidByWebhookSteps);
  expect(fakes.count('capturePayment')).toBe(1);
  expect(fakes.inputsOf('recordPayment')).toEqual([{ orderId: 1, state: 'authorized' }]);
});

test('a checkout update with another request hash is refused; the original one still answers', async () => {
  const fakes = createOrderFakes();
  const { refused, answered, queried } = await harness.run(fakes.activities, input, async (handle) => {
    const refused = await updateRefusal(
      handle.executeUpdate(checkoutUpdate, { args: [{ requestHash: 'b'.repeat(64) }] }),
    );
    const answered = await handle.executeUpdate(checkoutUpdate, checkout);
    const queried = await handle.query(orderStateQuery);
    await handle.terminate('test over');
    return { refused, answered, queried };
  });

  expect(refused).toBe('IdempotencyKeyReused');
  expect(answered).toMatchObject({ phase: 'awaiting_payment' });
  expect(queried).toEqual(answered);
});
