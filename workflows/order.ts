import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { PlacedOrder } from '@market/activities';
import type { ProviderPayment } from '@market/adapters/payments/port';
import { createOrderContext, type OrderContext } from './order-context';
import { registerFulfilmentHandlers, runFulfilment } from './order-fulfilment';
import { isStepFailure, type OrderSteps, orderSteps, stepFailure } from './order-steps';
import { type OrderVersion, orderVersion } from './order-versions';
import {
  checkoutUpdate,
  type FailureReason,
  type OrderInput,
  type OrderState,
  orderStateQuery,
  payUpdate,
  paymentEventSignal,
} from './order-messages';

export * from './order-messages';

/** How long a pay request waits for the capture before answering with the order still capturing. */
const PAY_ANSWER_WAIT = '20 seconds';

/** Cancelled on request before payment: the compensations run, the order is marked cancelled. */
class OrderCancelled extends Error {}

/** Ends the order: the compensations run, the order is marked failed with this reason. */
class OrderFailed extends Error {
  constructor(readonly reason: FailureReason) {
    super(reason);
  }
}

/**
 * One order, from checkout to paid: the only writer of the order's state (through activities, which also write
 * the timeline the API shows).
 *
 * 1. Place: write the order and its lines.
 * 2. Reserve stock, all lines or none (OutOfStock ends the order with nothing held).   undo: release it
 *    (Since patched('fewer-steps') 1 and 2 are one step, placeOrderAndHold: one transaction.)
 * 3. Create the payment, authorize only.                                                 undo: cancel it
 * 4. Wait for the authorization (the pay update, a webhook), at most paymentTimeoutSeconds: the hold's timer.
 *    A decline or the timeout ends the order.
 * 5. Capture (support may retry it when it keeps failing), commit the reserved stock as sold, mark the order paid.
 * 6. Fulfilment (order-fulfilment.ts): processing, confirmation email, invoice, shipped, delivered, and the
 *    actions support takes on the way: cancel, refund, retry.
 *
 * Changes that alter the commands of runs in flight sit behind patched(): `fulfilment` (runs that started when the
 * workflow ended at paid), `capture-retry`, `payment-failed-email`, `guest-unpaid-no-email`, `local-steps`
 * (order-steps.ts), `fewer-steps` (place and hold in one step; processing marked by a local activity). Orders
 * started since 2026-12-07 take one marker for all of them (order-versions.ts) and two changes more: createPayment
 * marks the order awaiting payment (3 and the status are one step), and an authorization our confirm recorded is
 * not recorded again.
 */
export async function orderWorkflow(input: OrderInput): Promise<OrderState> {
  const { workflowId } = workflowInfo();
  // Before any command: a run either has the markers first or never (runs started before the patches).
  const version = orderVersion();
  const { steps: activities, capture } = orderSteps(version.has('local-steps'));
  // Since then: place and hold in one step, and processing marked by a local activity (fewer tasks per order).
  const fewerSteps = version.has('fewer-steps');
  const state: OrderState = {
    orderId: null,
    number: input.number,
    phase: 'placing',
    failureReason: null,
    shortProductIds: [],
    payment: { id: null, providerPaymentId: null, state: null, clientSecret: null, decline: null },
    holdExpiresAt: null,
  };
  const seenEvents = new Set<string>();
  let confirming = false;
  let confirmations = 0;
  // Our payments row already says authorized (or captured): our own confirm recorded it.
  let recorded = false;

  const applyPayment = (payment: ProviderPayment) => {
    state.payment = {
      ...state.payment,
      providerPaymentId: payment.id,
      state: payment.state,
      clientSecret: payment.state === 'requires_action' ? payment.clientSecret : null,
      decline: payment.decline,
    };
  };
  // Paid or past it (fulfilment), or failed: what the pay update waits for.
  const settled = () => !['placing', 'awaiting_payment', 'capturing'].includes(state.phase);
  const authorized = () => state.payment.state === 'authorized' || state.payment.state === 'captured';
  const declined = () => state.payment.decline !== null || state.payment.state === 'cancelled';

  setHandler(orderStateQuery, () => state);

  const ctx = createOrderContext(input, workflowId, state);
  registerFulfilmentHandlers(ctx);

  setHandler(
    checkoutUpdate,
    async () => {
      await condition(() => state.phase !== 'placing');
      return state;
    },
    {
      validator: ({ requestHash }) => {
        if (requestHash !== input.requestHash) {
          throw ApplicationFailure.nonRetryable(
            'This Idempotency-Key was used for another checkout request.',
            'IdempotencyKeyReused',
          );
        }
      },
    },
  );

  setHandler(
    payUpdate,
    async ({ paymentMethodId }) => {
      // A loop, not one wait: every waiting request wakes when a confirmation ends, and only the first may start
      // the next one.
      while (confirming) await condition(() => !confirming);
      // A cancel that arrived first wins: no new confirmation on a payment about to be voided.
      if (state.phase === 'awaiting_payment' && !authorized() && !declined() && !ctx.cancelRequest) {
        confirming = true;
        try {
          confirmations += 1;
          const answer = await activities.confirmPayment({
            orderId: state.orderId!,
            paymentMethodId,
            idempotencyKey: `${workflowId}:confirm:${confirmations}`,
          });
          recorded ||= answer.state === 'authorized' || answer.state === 'captured';
          applyPayment(answer);
        } finally {
          confirming = false;
        }
      }
      await condition(() => settled() || state.payment.state === 'requires_action', PAY_ANSWER_WAIT);
      return state;
    },
    {
      validator: (_request) => {
        if (state.phase === 'placing') {
          throw ApplicationFailure.nonRetryable('The order is not ready for payment yet.', 'OrderNotPayable');
        }
      },
    },
  );

  setHandler(paymentEventSignal, (event) => {
    if (seenEvents.has(event.eventId)) return;
    seenEvents.add(event.eventId);
    if (state.phase !== 'awaiting_payment' || event.providerPaymentId !== state.payment.providerPaymentId)
      return;
    if (event.kind === 'authorized')
      state.payment = { ...state.payment, state: 'authorized', clientSecret: null };
    else state.payment = { ...state.payment, state: 'cancelled', decline: event.decline ?? null };
  });

  const compensations: (() => Promise<unknown>)[] = [];
  try {
    let hold: PlacedOrder['hold'];
    if (fewerSteps) {
      const placed = await activities.placeOrderAndHold({
        ...input,
        workflowId,
        holdSeconds: input.paymentTimeoutSeconds,
      });
      state.orderId = placed.orderId;
      hold = placed.hold;
    } else {
      state.orderId = (await activities.placeOrder({ ...input, workflowId })).orderId;
      hold = await activities
        .reserveStock({ orderId: state.orderId, seconds: input.paymentTimeoutSeconds })
        .catch((err) => {
          const failure = stepFailure(err);
          if (failure?.type !== 'OutOfStock') throw err;
          return { shortProductIds: (failure.details?.[0] as number[] | undefined) ?? [] };
        });
    }
    const orderId = state.orderId;
    if ('shortProductIds' in hold) {
      state.shortProductIds = hold.shortProductIds;
      throw new OrderFailed('out_of_stock');
    }
    compensations.unshift(() => activities.releaseStock({ orderId }));
    state.holdExpiresAt = hold.expiresAt;

    const payment = await activities.createPayment({
      orderId,
      idempotencyKey: `${workflowId}:payment`,
      // A current order is marked awaiting payment in the transaction that records the provider's payment.
      ...(version.current ? { awaitPayment: true } : {}),
    });
    compensations.unshift(() =>
      activities.cancelPayment({ orderId, idempotencyKey: `${workflowId}:cancel` }),
    );
    state.payment.id = payment.paymentId;
    applyPayment(payment.payment);

    if (!version.current) await activities.markOrder({ orderId, status: 'awaiting_payment' });
    state.phase = 'awaiting_payment';

    // The hold's durable timer: no authorization within the timeout gives the stock back.
    const answered = await condition(
      // A confirmation in flight is waited for even by a cancel, so the void comes after it, never beside it.
      () => !confirming && (authorized() || declined() || ctx.cancelRequest !== null),
      `${input.paymentTimeoutSeconds} seconds`,
    );
    if (ctx.cancelRequest) throw new OrderCancelled();
    if (!answered) throw new OrderFailed('payment_timeout');
    if (!authorized()) throw new OrderFailed('payment_declined');

    state.phase = 'capturing';
    // An authorization that came by webhook (3-D Secure finished in the browser): our row catches up first.
    if (!(version.current && recorded)) await activities.recordPayment({ orderId, state: 'authorized' });
    applyPayment(await captureWithRetries(ctx, capture, orderId, version));
    await activities.completeOrder({ orderId });
    state.phase = 'paid';
  } catch (err) {
    if (err instanceof OrderCancelled) {
      // Cancelled by the shopper or support before paying: void, release, and say so.
      await CancellationScope.nonCancellable(async () => {
        for (const undo of compensations) await undo();
        const { by, reason } = ctx.cancelRequest!;
        await activities.cancelOrder({ orderId: state.orderId!, by, reason });
      });
      state.payment = { ...state.payment, clientSecret: null };
      state.phase = 'cancelled';
      ctx.email('order_cancelled');
      await ctx.settle();
      return state;
    }
    // A business failure, a cancellation from Temporal Web, or an activity that failed for good: whatever it was,
    // undo what was done, newest first, even while the workflow is being cancelled, so no stock stays held and no
    // authorization stays open.
    const reason: FailureReason =
      err instanceof OrderFailed ? err.reason : isCancellation(err) ? 'cancelled' : 'internal_error';
    state.failureReason = reason;
    await CancellationScope.nonCancellable(async () => {
      for (const undo of compensations) await undo();
      if (state.orderId !== null) await activities.failOrder({ orderId: state.orderId, reason });
    });
    state.payment = { ...state.payment, clientSecret: null };
    state.phase = 'failed';
    if (
      (reason === 'payment_declined' || reason === 'payment_timeout') &&
      version.has('payment-failed-email')
    ) {
      // A guest who never tried to pay gets no "payment failed": the address is only the guest's say-so, and the
      // shop would mail a stranger about an order they never tried to pay.
      const neverTried = confirmations === 0 && state.payment.state !== 'requires_action';
      const silent = input.userId === null && reason === 'payment_timeout' && neverTried;
      if (!(silent && version.has('guest-unpaid-no-email'))) ctx.email('payment_failed'); // awaited when the run settles
    }
    // Anything but a business failure also fails (or cancels) the run, so it stands out in Temporal Web.
    if (!(err instanceof OrderFailed)) throw err;
  }
  if (state.phase === 'paid' && version.has('fulfilment'))
    await runFulfilment(ctx, { localProcessing: fewerSteps });
  await ctx.settle();
  return state;
}

/**
 * Capture: ten tries with backoff. If they all fail, the order waits (the authorization still holds the money, for
 * about a week at Stripe) for support's retry, which captures again with a fresh idempotency key; no retry within
 * six days, or a cancel, ends it.
 */
async function captureWithRetries(
  ctx: OrderContext,
  capture: OrderSteps['capture'],
  orderId: number,
  version: OrderVersion,
): Promise<ProviderPayment> {
  for (let round = 0; ; round += 1) {
    const idempotencyKey = round === 0 ? `${ctx.workflowId}:capture` : `${ctx.workflowId}:capture:${round}`;
    try {
      return await capture.capturePayment({ orderId, idempotencyKey });
    } catch (err) {
      if (!isStepFailure(err)) throw err;
      if (!version.has('capture-retry')) throw new OrderFailed('capture_failed');
      ctx.state.stuck = 'capture';
      const asked = await condition(() => ctx.captureRetry || ctx.cancelRequest !== null, '6 days');
      ctx.state.stuck = null;
      ctx.captureRetry = false;
      if (ctx.cancelRequest) throw new OrderCancelled();
      if (!asked) throw new OrderFailed('capture_failed');
    }
  }
}
