import type { AdjustmentReason } from '../data/types';

const MAX_DELTA = 1_000_000_000;

/**
 * Why a stock adjustment would be refused, before sending it (api/routes/admin/inventory/schema.ts): a whole,
 * non-zero number within ±1e9; restock and return add stock. Null when it may be sent.
 */
export function adjustmentProblem(delta: string, reason: AdjustmentReason): string | null {
  if (!/^[+-]?\d+$/.test(delta)) return 'A whole number, like 12 or -3';
  const value = Number(delta);
  if (value === 0) return 'Must not be zero';
  if (Math.abs(value) > MAX_DELTA) return 'At most one billion units at once';
  if (reason !== 'adjustment' && value < 0) return `A ${reason} adds stock: use a positive number`;
  return null;
}
