import { statusLabel } from '~/lib/order-status';

const TONES: Record<string, string> = {
  failed: 'bg-red-100 text-red-900',
  cancelled: 'bg-slate-200 text-slate-900',
  refunded: 'bg-slate-200 text-slate-900',
  delivered: 'bg-emerald-100 text-emerald-900',
  shipped: 'bg-sky-100 text-sky-900',
  paid: 'bg-emerald-100 text-emerald-900',
  processing: 'bg-emerald-100 text-emerald-900',
};

export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${TONES[status] ?? 'bg-amber-100 text-amber-900'}`}
    >
      {statusLabel(status)}
    </span>
  );
}
