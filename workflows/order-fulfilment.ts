import {
  ActivityFailure,
  type ActivityOptions,
  type LocalActivityOptions,
  ApplicationFailure,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '@market/activities';
import type { OrderContext } from './order-context';
import {
  cancelUpdate,
  deliverUpdate,
  type OrderPhase,
  type OrderState,
  refundUpdate,
  retryUpdate,
  shipUpdate,
} from './order-messages';

/**
 * The order's life after payment: processing (confirmation email, invoice) → shipped → delivered, with cancel,
 * refund and retry from support. A section of the order workflow, in its own file: the same run, the same history.
 *
 * orderWorkflow calls registerFulfilmentHandlers() at start and, behind patched('fulfilment'), runFulfilment() once
 * paid. See docs/orders.md, "Fulfilment".
 */

/** A few tries, then the invoice waits for POST …/retry; shipping goes on without it. */
const invoices = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 5,
  },
});

const stepOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['InvalidOrder', 'PaymentRejected', 'RefundTooLarge'],
  },
} satisfies ActivityOptions & LocalActivityOptions;

const steps = proxyActivities<Activities>(stepOptions);

/**
 * paid → processing as a local activity (orders since patched('fewer-steps')): it runs in the workflow task that
 * completes the payment instead of an activity task and a workflow task of its own. A retry waiting longer than a
 * second waits on a workflow timer, as the steps up to paid do (order-steps.ts).
 */
const localSteps = proxyLocalActivities<Activities>({ ...stepOptions, localRetryThreshold: '1 second' });

const refuse = (message: string, type = 'InvalidTransition'): never => {
  throw ApplicationFailure.nonRetryable(message, type);
};

function allowed(ctx: OrderContext, phases: OrderPhase[], action: string): void {
  if (ctx.closed) refuse(`The order's process is finishing: it cannot be ${action} any more.`);
  const { phase } = ctx.state;
  if (!phases.includes(phase)) refuse(`An order that is ${phase} cannot be ${action}.`);
}

const remaining = (state: OrderState) =>
  state.fulfilment ? state.fulfilment.capturedAmount - state.fulfilment.refundedAmount : 0;

/** Registers ship, deliver, cancel, refund and retry; each validator checks the order's state first. */
export function registerFulfilmentHandlers(ctx: OrderContext): void {
  const { state, workflowId } = ctx;
  const orderId = () => state.orderId!;
  let refunds = 0;
  let cancelRefunds = 0;

  setHandler(
    shipUpdate,
    (request) =>
      ctx.exclusive(async () => {
        if (state.phase === 'shipped') return state; // a repeat (the carrier's webhook and the admin, say)
        allowed(ctx, ['processing'], 'shipped');
        const trackingUrl = request.trackingUrl ?? null;
        await steps.recordShipment({ orderId: orderId(), ...request, trackingUrl });
        state.fulfilment!.shipment = {
          carrier: request.carrier,
          trackingNumber: request.trackingNumber,
          trackingUrl,
        };
        state.phase = 'shipped';
        ctx.email('order_shipped');
        return state;
      }),
    // `paid` lasts until processing is recorded; the action then queues behind it (exclusive).
    { validator: (_request) => allowed(ctx, ['paid', 'processing', 'shipped'], 'shipped') },
  );

  setHandler(
    deliverUpdate,
    () =>
      ctx.exclusive(async () => {
        if (state.phase === 'delivered') return state;
        allowed(ctx, ['shipped'], 'delivered');
        await steps.recordDelivery({ orderId: orderId() });
        state.phase = 'delivered';
        ctx.email('order_delivered');
        return state;
      }),
    {
      validator: () => {
        if (state.phase === 'delivered') return; // a repeat is answered, even while the run is finishing
        allowed(ctx, ['shipped'], 'delivered');
      },
    },
  );

  setHandler(
    cancelUpdate,
    async (request) => {
      if (state.phase === 'awaiting_payment' || (state.phase === 'capturing' && state.stuck === 'capture')) {
        // The payment wait sees it and runs the compensations (void, release), then marks the order cancelled.
        ctx.cancelRequest ??= request;
        await condition(() => state.phase !== 'awaiting_payment' && state.phase !== 'capturing');
        return state;
      }
      return ctx.exclusive(async () => {
        if (state.phase === 'cancelled') return state;
        allowed(ctx, ['processing'], 'cancelled');
        const amount = remaining(state);
        if (amount > 0) {
          // A cancel sent again after the provider refused the refund is a new request (Stripe replays a refused
          // key's answer for a day).
          cancelRefunds += 1;
          const suffix = cancelRefunds === 1 ? '' : `:${cancelRefunds}`;
          const { refundedAmount } = await steps.refundOrder({
            orderId: orderId(),
            amount,
            idempotencyKey: `${workflowId}:refund:cancel${suffix}`,
            reason: 'requested_by_customer',
            by: request.by,
          });
          state.fulfilment!.refundedAmount = refundedAmount;
        }
        await steps.restockOrder({ orderId: orderId() });
        await steps.cancelOrder({ orderId: orderId(), by: request.by, reason: request.reason });
        state.phase = 'cancelled';
        ctx.email('order_cancelled');
        return state;
      });
    },
    {
      validator: (_request) => {
        if (state.phase === 'capturing' && state.stuck === 'capture') return;
        if (state.phase === 'cancelled') return; // a repeat is answered, even while the run is finishing
        allowed(ctx, ['awaiting_payment', 'paid', 'processing'], 'cancelled');
      },
    },
  );

  const checkRefund = (
    amount: number | null,
    phases: OrderPhase[] = ['processing', 'shipped', 'delivered'],
  ) => {
    allowed(ctx, phases, 'refunded');
    if (amount !== null && !(Number.isSafeInteger(amount) && amount > 0)) {
      refuse('A refund is a positive whole number of minor units.', 'InvalidRefund');
    }
    const left = remaining(state);
    if (left <= 0 || (amount ?? left) > left) {
      refuse(`At most ${left} (minor units) is left to refund.`, 'RefundTooLarge');
    }
  };

  setHandler(
    refundUpdate,
    (request) =>
      ctx.exclusive(async () => {
        checkRefund(request.amount); // again: an earlier refund may have taken what was left
        const amount = request.amount ?? remaining(state);
        refunds += 1;
        const { refundedAmount } = await steps.refundOrder({
          orderId: orderId(),
          amount,
          idempotencyKey: `${workflowId}:refund:${refunds}`,
          reason: request.reason,
          by: request.by,
        });
        state.fulfilment!.refundedAmount = refundedAmount;
        if (remaining(state) <= 0) {
          await steps.setOrderStatus({
            orderId: orderId(),
            from: ['processing', 'shipped', 'delivered'],
            to: 'refunded',
          });
          state.phase = 'refunded';
        }
        ctx.email('order_refunded', `:${refunds}`);
        return state;
      }),
    { validator: (request) => checkRefund(request.amount, ['paid', 'processing', 'shipped', 'delivered']) },
  );

  setHandler(
    retryUpdate,
    async () => {
      const stuck = state.stuck;
      if (stuck === 'capture') ctx.captureRetry = true;
      state.stuck = null;
      // Answer once the step ran again: done, or failed once more and waiting again.
      await condition(
        () =>
          state.stuck != null ||
          (stuck === 'invoice' ? state.fulfilment?.invoice === 'ready' : state.phase !== 'capturing'),
      );
      return state;
    },
    {
      validator: () => {
        if (!state.stuck || ctx.closed) {
          refuse('No step of this order is waiting for a retry.', 'NothingToRetry');
        }
      },
    },
  );
}

/** The invoice: a few tries, then it waits for a retry; it never holds up shipping. */
async function makeInvoice(ctx: OrderContext): Promise<void> {
  const fulfilment = ctx.state.fulfilment!;
  for (;;) {
    try {
      await invoices.generateInvoice({ orderId: ctx.state.orderId! });
      fulfilment.invoice = 'ready';
      return;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      fulfilment.invoice = 'failed';
      ctx.state.stuck = 'invoice';
      await condition(() => ctx.state.stuck !== 'invoice');
      fulfilment.invoice = 'pending';
    }
  }
}

/**
 * From paid to the end: processing, the confirmation email and the invoice; then whatever support and the carrier
 * do (the handlers above) until the order is cancelled, refunded, or delivered and its refund window has closed.
 */
export async function runFulfilment(
  ctx: OrderContext,
  { localProcessing }: { localProcessing: boolean },
): Promise<void> {
  const { state, input } = ctx;
  state.fulfilment = {
    capturedAmount: input.totalAmount,
    refundedAmount: 0,
    shipment: null,
    invoice: 'pending',
  };
  await ctx.exclusive(async () => {
    const { setOrderStatus } = localProcessing ? localSteps : steps;
    await setOrderStatus({ orderId: state.orderId!, from: ['paid'], to: 'processing' });
    state.phase = 'processing';
  });
  ctx.email('order_confirmation');
  let invoiceSettled = false;
  const invoice = makeInvoice(ctx).finally(() => {
    invoiceSettled = true;
  });
  // Awaited below; until then a rejection (the run cancelled from Temporal Web) must not go unhandled, which would
  // fail the workflow task over and over.
  invoice.catch(() => undefined);

  const over = () => state.phase === 'cancelled' || state.phase === 'refunded';
  await condition(() => over() || state.phase === 'delivered');
  if (!over()) await condition(over, `${input.refundWindowDays ?? 30} days`);
  // The invoice is done, or it gave up (now or later) and waits for a retry that will not come: the order is over.
  await condition(() => invoiceSettled || state.stuck === 'invoice');
  if (invoiceSettled) await invoice;
}
