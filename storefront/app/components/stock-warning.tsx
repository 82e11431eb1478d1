import type { StockWarning as Warning } from '~/lib/types';

/** Why a cart line cannot be ordered as it is, and what to do about it. */
export function stockWarningText(warning: Warning, available: number): string {
  switch (warning) {
    case 'insufficient_stock':
      return available === 1
        ? 'Only 1 left. Lower the quantity to 1 to order it.'
        : `Only ${available} left. Lower the quantity to ${available} to order it.`;
    case 'out_of_stock':
      return 'Out of stock right now. Save it for later or remove it to check out.';
    case 'unavailable':
      return 'No longer sold. Remove it or save it for later to check out.';
  }
}

export function StockWarning({ warning, available }: { warning: Warning | null; available: number }) {
  if (!warning) return null;
  return <p className="mt-1 text-sm font-medium text-red-700">{stockWarningText(warning, available)}</p>;
}
