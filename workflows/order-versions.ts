import { patched } from '@temporalio/workflow';

/**
 * The order workflow's changes that altered the commands of runs in flight, each behind a patched() id (order.ts
 * says what each one changed).
 */
export type OrderChange =
  | 'local-steps'
  | 'fewer-steps'
  | 'fulfilment'
  | 'capture-retry'
  | 'payment-failed-email'
  | 'guest-unpaid-no-email';

/**
 * The marker of the orders started since 2026-12-07: one marker instead of one per change. Such a run has every
 * change above, and also the two of that day: createPayment moves the order to awaiting_payment (no markOrder
 * step), and an authorization that our own confirm recorded is not recorded again (no recordPayment step).
 */
export const CURRENT_ORDER = 'order-2026-12-07';

export interface OrderVersion {
  /** Started by today's code (has CURRENT_ORDER's marker). */
  current: boolean;
  /** Whether this run has the change: always for a current run, else its own marker, as before. */
  has(change: OrderChange): boolean;
}

/**
 * Call once, first thing in the run. Each patched() marker also makes the SDK upsert the TemporalChangeVersion
 * search attribute: a history event and a visibility write on the server, about 3 ms of machine CPU each on the
 * bench (docs/benchmarks.md, issue 14 eleventh step). A new order took three (local-steps and fewer-steps at start,
 * fulfilment once paid); it now takes one. Runs started before replay as they ran: CURRENT_ORDER is not in their
 * history, so patched() answers false while replaying and never records it; their own markers answer each change.
 * Such a run that goes on live after a deploy keeps current = false (decided at its start) and asks for each change
 * as before.
 */
export function orderVersion(): OrderVersion {
  const current = patched(CURRENT_ORDER);
  return { current, has: (change) => current || patched(change) };
}
