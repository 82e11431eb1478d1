import {
  ActivityFailure,
  ApplicationFailure,
  type ActivityOptions,
  type LocalActivityOptions,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { Activities } from '@market/activities';

/**
 * How the order workflow (order.ts) calls its steps up to paid: the database writes (place, reserve, mark,
 * record, complete, and their undos) and the payment provider's calls (create, confirm, capture, cancel).
 *
 * Since patched('local-steps') they run as local activities: in the worker, within the workflow task that asks
 * for them, with a marker in the history instead of an activity task's round trip through the server. An order
 * from checkout to paid went from 12 workflow tasks to 4 (docs/benchmarks.md). The trade: a local activity that
 * ran but whose workflow task did not complete (the worker died) runs again; every step here is idempotent (an
 * order per workflow id, a hold per order, provider calls with idempotency keys), as it already had to be for
 * activity retries. Runs started before the patch keep their activity tasks (replayed from their histories).
 */
export interface OrderSteps {
  /** Retried with backoff until they work, except the business failures named in nonRetryableErrorTypes. */
  steps: Pick<
    Activities,
    | 'placeOrder'
    | 'placeOrderAndHold'
    | 'reserveStock'
    | 'releaseStock'
    | 'createPayment'
    | 'cancelPayment'
    | 'confirmPayment'
    | 'markOrder'
    | 'recordPayment'
    | 'completeOrder'
    | 'cancelOrder'
    | 'failOrder'
  >;
  /** Capture gets a bounded number of tries: after that the order waits for support's retry. */
  capture: Pick<Activities, 'capturePayment'>;
}

// localRetryThreshold: a retry that waits longer than a second waits on a workflow timer (durable, and skipped by
// the time-skipping test server) instead of sleeping in the worker.
const timeouts = { startToCloseTimeout: '30 seconds', localRetryThreshold: '1 second' } as const;
const backoff = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

const stepOptions = {
  ...timeouts,
  retry: { ...backoff, nonRetryableErrorTypes: ['OutOfStock', 'PaymentRejected', 'InvalidOrder'] },
} satisfies ActivityOptions & LocalActivityOptions;

const captureOptions = {
  ...timeouts,
  retry: { ...backoff, maximumAttempts: 10, nonRetryableErrorTypes: ['PaymentRejected'] },
} satisfies ActivityOptions & LocalActivityOptions;

const remote: OrderSteps = {
  steps: proxyActivities<Activities>(stepOptions),
  capture: proxyActivities<Activities>(captureOptions),
};

const local: OrderSteps = {
  steps: proxyLocalActivities<Activities>(stepOptions),
  capture: proxyLocalActivities<Activities>(captureOptions),
};

/** Local activities for runs that took patched('local-steps') at start; activity tasks for the runs before. */
export const orderSteps = (localSteps: boolean): OrderSteps => (localSteps ? local : remote);

/**
 * The error a step failed with, whichever way it ran: an activity task's failure arrives as an ActivityFailure
 * around it, a local activity's as the ApplicationFailure itself (SDK 1.24).
 */
export function stepFailure(err: unknown): ApplicationFailure | undefined {
  if (err instanceof ActivityFailure) return err.cause instanceof ApplicationFailure ? err.cause : undefined;
  return err instanceof ApplicationFailure ? err : undefined;
}

/** A step that failed for good (its retries spent, or a business failure), not the run being cancelled. */
export const isStepFailure = (err: unknown): boolean =>
  err instanceof ActivityFailure || stepFailure(err) !== undefined;
