import type { Settled } from '../common/settleEach';

export type Verb = 'approve' | 'reject';

const plural = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** The notice after a bulk moderation: how many went through, how many did not and the first reason. */
export function moderationNotice(
  verb: Verb,
  outcome: Settled<unknown>,
): { message: string; type: 'success' | 'warning' | 'error' } {
  const done = verb === 'approve' ? 'approved' : 'rejected';
  const ok = outcome.succeeded.length;
  const bad = outcome.failed.length;
  if (bad === 0) return { message: `${plural(ok)} ${done}`, type: 'success' };
  const first = outcome.failed[0]!.error;
  const reason = first instanceof Error && first.message ? `: ${first.message}` : '';
  if (ok === 0) return { message: `No review ${done}; ${bad} failed${reason}`, type: 'error' };
  return { message: `${plural(ok)} ${done}; ${bad} failed (still selected)${reason}`, type: 'warning' };
}
