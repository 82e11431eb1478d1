import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import {
  checkoutUpdate,
  type OrderInput,
  type OrderState,
  orderWorkflowId,
  payUpdate,
  paymentEventSignal,
  type PaymentEventSignal,
  workflowTypes,
} from '@market/workflows/definitions';
import type { orderWorkflow } from '@market/workflows/definitions';
import type { AppDeps } from '../deps';
import { AppError, ConflictError, idempotencyKeyReused } from '../errors';
import { isUpdateToFinishedRun, refusalOf, withinDeadline } from './workflow-answers';

const ASK_AGAIN = 'The order is being processed. Ask again with the same Idempotency-Key in a few seconds.';

/** The run is over (or gone): the database has the final word. */
function isClosed(err: unknown): boolean {
  return err instanceof WorkflowExecutionAlreadyStartedError || err instanceof WorkflowNotFoundError;
}

function rethrowRefusal(err: unknown): never {
  const type = refusalOf(err);
  if (type === 'IdempotencyKeyReused') {
    throw idempotencyKeyReused('This Idempotency-Key was already used for a different checkout request.');
  }
  if (type === 'OrderNotPayable')
    throw new ConflictError('The order cannot be paid now.', 'order_not_payable');
  throw err;
}

/**
 * Starts the order's workflow (or joins it: same id, USE_EXISTING) and waits for the checkout update, which
 * answers once stock is reserved and the payment exists. A workflow that already finished is never started again
 * (REJECT_DUPLICATE): null tells the caller to read the order from the database.
 */
export async function startOrder(
  deps: AppDeps,
  input: OrderInput | null,
  number: string,
  requestHash: string,
): Promise<OrderState | null> {
  const { client, taskQueue } = deps.temporal;
  const workflowId = orderWorkflowId(number);
  try {
    if (!input) {
      return await withinDeadline(
        deps,
        client.workflow.getHandle(workflowId).executeUpdate(checkoutUpdate, { args: [{ requestHash }] }),
        ASK_AGAIN,
      );
    }
    return await withinDeadline(
      deps,
      client.workflow.executeUpdateWithStart(checkoutUpdate, {
        args: [{ requestHash }],
        startWorkflowOperation: new WithStartWorkflowOperation<typeof orderWorkflow>(workflowTypes.order, {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      }),
      ASK_AGAIN,
    );
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isClosed(err)) return null;
    return rethrowRefusal(err);
  }
}

/** Sends the pay update; a repeat with the same update id gets the first answer. Null: the run is over. */
export async function payOrder(
  deps: AppDeps,
  workflowId: string,
  paymentMethodId: string,
  updateId: string,
): Promise<OrderState | null> {
  try {
    return await withinDeadline(
      deps,
      deps.temporal.client.workflow
        .getHandle(workflowId)
        .executeUpdate(payUpdate, { args: [{ paymentMethodId }], updateId }),
      ASK_AGAIN,
    );
  } catch (err) {
    if (isClosed(err) || isUpdateToFinishedRun(err)) return null;
    return rethrowRefusal(err);
  }
}

/** Hands a payment fact to the order's workflow. False when the run is over (the fact came too late to matter). */
export async function signalPaymentEvent(
  deps: AppDeps,
  workflowId: string,
  event: PaymentEventSignal,
): Promise<boolean> {
  try {
    await deps.temporal.client.workflow.getHandle(workflowId).signal(paymentEventSignal, event);
    return true;
  } catch (err) {
    if (isClosed(err) || isUpdateToFinishedRun(err)) return false;
    throw err;
  }
}
