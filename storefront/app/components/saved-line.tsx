import { Link, useFetcher } from 'react-router';
import type { CartActionResult } from '~/lib/cart-action';
import { formatMoney } from '~/lib/format';
import type { CartView } from '~/lib/types';
import { LineImage } from './line-image';

type Saved = CartView['saved'][number];

const NOTES = {
  insufficient_stock: 'Only a few left',
  out_of_stock: 'Out of stock',
  unavailable: 'No longer sold',
};

/** A saved-for-later line: back to the cart, or away. */
export function SavedLine({
  line,
  currency,
  error,
}: {
  line: Saved;
  currency: string;
  error: string | null;
}) {
  const fetcher = useFetcher<CartActionResult>({ key: `saved-line-${line.id}` });
  const busy = fetcher.state !== 'idle';
  const pendingIntent = busy ? fetcher.formData?.get('intent') : null;
  const message = busy ? null : (fetcher.data?.error ?? error);
  const form = (intent: string, label: string, pendingLabel: string, className: string) => (
    <fetcher.Form method="post" action="/cart">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lineId" value={line.id} />
      <button type="submit" className={className} disabled={busy}>
        {pendingIntent === intent ? pendingLabel : label}
        <span className="sr-only">: {line.title}</span>
      </button>
    </fetcher.Form>
  );
  return (
    <li className={`flex gap-4 py-4 ${busy ? 'opacity-50' : ''}`} aria-busy={busy || undefined}>
      <LineImage url={line.imageUrl} />
      <div className="min-w-0 flex-1">
        <h3 className="font-semibold">
          <Link to={`/p/${line.slug}`} className="hover:underline">
            {line.title}
          </Link>
        </h3>
        <p className="text-sm text-slate-700">
          {formatMoney(line.unitPriceAmount, currency)} · Quantity {line.quantity}
          {line.warning ? <span className="font-medium text-red-700"> · {NOTES[line.warning]}</span> : null}
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {form('move', 'Move to cart', 'Moving…', 'btn-secondary')}
          {form('remove-saved', 'Remove', 'Removing…', 'btn-link py-2 text-red-700')}
        </div>
        <div role="status" aria-live="polite" className="text-sm">
          {message ? <p className="mt-2 text-red-700">{message}</p> : null}
        </div>
      </div>
    </li>
  );
}
