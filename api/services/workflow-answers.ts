import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';

/**
 * Waits for a workflow's answer at most `config.checkout.answerTimeoutSeconds`. Longer means no worker is running
 * (or all are busy): the order itself is safe in Temporal, so the caller gets a 503 `order_processing` saying what
 * to do (`detail`) instead of being held for ever. `onLate` runs when the deadline passes (stop the client waiting).
 */
export async function withinDeadline<T>(
  deps: AppDeps,
  work: Promise<T>,
  detail: string,
  onLate: () => void = () => undefined,
): Promise<T> {
  const ms = deps.config.checkout.answerTimeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onLate();
      reject(new AppError(503, 'order_processing', 'Still processing', detail, { retryAfterSeconds: 5 }));
    }, ms);
  });
  work.catch(() => undefined); // an answer that comes after the deadline is not an unhandled rejection
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The ApplicationFailure behind a failed update: thrown by the handler or its validator (InvalidTransition,
 * IdempotencyKeyReused…), or by an activity the handler ran that failed for good (PaymentRejected from the provider,
 * RefundTooLarge…), which reaches the client wrapped in an ActivityFailure.
 */
export function refusalFailureOf(err: unknown): ApplicationFailure | null {
  if (!(err instanceof WorkflowUpdateFailedError)) return null;
  const cause = err.cause instanceof ActivityFailure ? err.cause.cause : err.cause;
  return cause instanceof ApplicationFailure ? cause : null;
}

/** The refusal's ApplicationFailure type (IdempotencyKeyReused, InvalidTransition, PaymentRejected…). */
export function refusalOf(err: unknown): string | null {
  return refusalFailureOf(err)?.type ?? null;
}

/**
 * An update sent to a run that has completed (or never existed): the server answers NOT_FOUND ("workflow execution
 * already completed") and the client SDK throws its WorkflowNotFoundError for it. Recognised by class, not by the
 * message's wording.
 */
export function isUpdateToFinishedRun(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError;
}
