import { Link, useFetcher } from 'react-router';
import type { CartActionResult } from '~/lib/cart-action';
import { formatMoney } from '~/lib/format';
import type { CartLine as Line } from '~/lib/types';
import { LineImage } from './line-image';
import { StockWarning } from './stock-warning';

interface Props {
  line: Line;
  currency: string;
  /** The failure of this line's last plain (no-JavaScript) form post. */
  error: string | null;
}

/**
 * One cart line with its own fetcher: changing it does not navigate, shows its own pending state, and a failure
 * stays on this line. Without JavaScript the same forms post to the cart page.
 */
export function CartLine({ line, currency, error }: Props) {
  const fetcher = useFetcher<CartActionResult>({ key: `cart-line-${line.id}` });
  const busy = fetcher.state !== 'idle';
  const pendingIntent = busy ? fetcher.formData?.get('intent') : null;
  const leaving = pendingIntent === 'remove' || pendingIntent === 'save';
  const message = busy ? null : (fetcher.data?.error ?? error);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lineId" value={line.id} />
    </>
  );
  return (
    <li className={`flex gap-4 py-4 ${leaving ? 'opacity-50' : ''}`} aria-busy={busy || undefined}>
      <LineImage url={line.imageUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <h3 className="font-semibold">
            <Link to={`/p/${line.slug}`} className="hover:underline">
              {line.title}
            </Link>
          </h3>
          {line.warning === 'unavailable' ? (
            <p className="text-sm text-slate-700">Not in the total</p>
          ) : (
            <p className="font-bold">{formatMoney(line.lineTotalAmount, currency)}</p>
          )}
        </div>
        <p className="text-sm text-slate-700">{formatMoney(line.unitPriceAmount, currency)} each</p>
        <StockWarning warning={line.warning} available={line.available} />
        <div className="mt-3 flex flex-wrap items-end gap-x-4 gap-y-2">
          <fetcher.Form method="post" action="/cart" className="flex items-end gap-2">
            {hidden('update')}
            <div>
              <label htmlFor={`quantity-${line.id}`} className="label">
                Quantity<span className="sr-only"> of {line.title}</span>
              </label>
              <input
                key={line.quantity}
                id={`quantity-${line.id}`}
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={99}
                step={1}
                required
                defaultValue={line.quantity}
                className="input w-20"
              />
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {pendingIntent === 'update' ? 'Updating…' : 'Update'}
            </button>
          </fetcher.Form>
          <fetcher.Form method="post" action="/cart">
            {hidden('save')}
            <button type="submit" className="btn-link py-2" disabled={busy}>
              {pendingIntent === 'save' ? 'Saving…' : 'Save for later'}
              <span className="sr-only">: {line.title}</span>
            </button>
          </fetcher.Form>
          <fetcher.Form method="post" action="/cart">
            {hidden('remove')}
            <button type="submit" className="btn-link py-2 text-red-700" disabled={busy}>
              {pendingIntent === 'remove' ? 'Removing…' : 'Remove'}
              <span className="sr-only">: {line.title}</span>
            </button>
          </fetcher.Form>
        </div>
        <div role="status" aria-live="polite" className="text-sm">
          {message ? <p className="mt-2 text-red-700">{message}</p> : null}
        </div>
      </div>
    </li>
  );
}
