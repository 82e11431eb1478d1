import { WorkflowNotFoundError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import {
  type CancelRequest,
  cancelUpdate,
  deliverUpdate,
  type OrderState,
  orderStateQuery,
  type RefundRequest,
  refundUpdate,
  retryUpdate,
  type ShipRequest,
  shipUpdate,
} from '@market/workflows/definitions';
import type { AppDeps } from '../deps';
import { AppError, ConflictError } from '../errors';
import { withAbortSignal } from './temporal';
import { isUpdateToFinishedRun, refusalFailureOf, withinDeadline } from './workflow-answers';

/**
 * Fulfilment and support actions on an order: each is an update to the order's workflow, whose validator checks it
 * against the order's state. The same patterns as api/services/order-workflows.ts (a deadline on the answer,
 * refusals mapped to problem+json) with the fulfilment refusals added.
 */
export type OrderAction =
  | { kind: 'ship'; request: ShipRequest }
  | { kind: 'deliver' }
  | { kind: 'cancel'; request: CancelRequest }
  | { kind: 'refund'; request: RefundRequest }
  | { kind: 'retry' };

/**
 * The provider's own words for a refused refund (a refund larger than what is left, a disputed charge), shown to
 * whoever asked. Provider messages name ids and amounts, not credentials; anything shaped like a key or a client
 * secret is masked all the same, and the text is kept short.
 */
function providerWords(message: string): string {
  const text = message
    .replace(/\b(sk|rk|pk|whsec)_[A-Za-z0-9_]+/g, '***')
    .replace(/_secret_[A-Za-z0-9]+/g, '_secret_***')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * The ApplicationFailure types of a refused action and what the API answers for each: the workflow's own refusals
 * (workflows/order-messages.ts) and those of the activities its handlers run (activities/fulfilment.ts).
 */
const REFUSALS: Record<string, (failure: ApplicationFailure) => AppError> = {
  InvalidTransition: () =>
    new ConflictError('The order’s current state does not allow this.', 'invalid_transition'),
  RefundTooLarge: () =>
    new AppError(
      422,
      'refund_too_large',
      'Refund too large',
      'The refund is more than was captured and not yet refunded.',
    ),
  // The API's schema refuses these first; the workflow checks again for any other caller.
  InvalidRefund: () =>
    new AppError(
      422,
      'invalid_refund',
      'Invalid refund',
      'A refund is a positive whole number of minor units.',
    ),
  NothingToRetry: () =>
    new ConflictError('No step of this order is waiting for a retry.', 'nothing_to_retry'),
  // The provider refused the refund (a refund or a cancel after payment): nothing changed, the refund is `failed`.
  PaymentRejected: (failure) => {
    const code = failure.details?.[0];
    return new AppError(
      409,
      'refund_refused',
      'Refund refused',
      `The payment provider refused the refund: ${providerWords(failure.message)}`,
      typeof code === 'string' ? { providerCode: code } : {},
    );
  },
  // No captured payment to refund (the activity checks what the workflow's state could not).
  InvalidOrder: () => new ConflictError('The order’s payment does not allow this.', 'invalid_transition'),
  PaymentsNotConfigured: () =>
    new AppError(
      503,
      'payments_unavailable',
      'Payments unavailable',
      'The order’s process has no payment provider to refund with. Try again later.',
    ),
};

export const orderClosed = (): ConflictError =>
  new ConflictError('The order’s process is finished: nothing can change it any more.', 'order_closed');

/** The run is over or gone. */
function isClosed(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || isUpdateToFinishedRun(err);
}

/**
 * The update may still run when a worker is back, so the caller is told to read the order before asking again; a
 * refund sent again with the same Idempotency-Key is safe either way.
 */
const READ_FIRST =
  'The order did not answer in time. Read it again in a few seconds before repeating the request.';

function send(deps: AppDeps, workflowId: string, action: OrderAction, updateId?: string) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  const options = updateId ? { updateId } : {};
  switch (action.kind) {
    case 'ship':
      return handle.executeUpdate(shipUpdate, { ...options, args: [action.request] });
    case 'deliver':
      return handle.executeUpdate(deliverUpdate, { ...options, args: [] });
    case 'cancel':
      return handle.executeUpdate(cancelUpdate, { ...options, args: [action.request] });
    case 'refund':
      return handle.executeUpdate(refundUpdate, { ...options, args: [action.request] });
    case 'retry':
      return handle.executeUpdate(retryUpdate, { ...options, args: [] });
  }
}

/**
 * Sends one action and waits for the workflow's answer. A repeat with the same `updateId` gets the first answer
 * (Temporal deduplicates updates by id within a run). Refusals become 409/422 AppErrors; a finished run is a 409
 * `order_closed`; no answer in time is a 503 `order_processing`.
 */
export async function runOrderAction(
  deps: AppDeps,
  workflowId: string,
  action: OrderAction,
  updateId?: string,
): Promise<OrderState> {
  const waiting = new AbortController();
  const work = withAbortSignal(deps.temporal.client, waiting.signal, () =>
    send(deps, workflowId, action, updateId),
  );
  try {
    // `abort` stops the client waiting, so no call outlives the request.
    return await withinDeadline(deps, work, READ_FIRST, () => waiting.abort());
  } catch (err) {
    if (err instanceof AppError) throw err;
    const failure = refusalFailureOf(err);
    const refusal =
      failure?.type && Object.hasOwn(REFUSALS, failure.type) ? REFUSALS[failure.type] : undefined;
    if (failure && refusal) throw refusal(failure);
    if (isClosed(err)) throw orderClosed();
    throw err;
  }
}

/** What only the running workflow knows: its live phase and a step waiting for support's retry. */
export interface OrderProcess {
  phase: OrderState['phase'];
  stuck: 'capture' | 'invoice' | null;
}

/** How long a page that shows the order waits for its workflow's state before showing the order without it. */
const PROCESS_QUERY_MS = 2_000;

/**
 * The order's `state` query, for the admin view: null when the run is over, gone, or no worker answers within two
 * seconds (the rest of the page comes from the database and does not wait for Temporal).
 */
export async function readOrderProcess(deps: AppDeps, workflowId: string): Promise<OrderProcess | null> {
  const waiting = new AbortController();
  const timer = setTimeout(() => waiting.abort(), PROCESS_QUERY_MS);
  try {
    const handle = deps.temporal.client.workflow.getHandle(workflowId);
    const description = await withAbortSignal(deps.temporal.client, waiting.signal, () => handle.describe());
    if (description.status.name !== 'RUNNING') return null;
    const state = await withAbortSignal(deps.temporal.client, waiting.signal, () =>
      handle.query(orderStateQuery),
    );
    return { phase: state.phase, stuck: state.stuck ?? null };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
