import { Link, useFetcher } from 'react-router';
import type { AddResult } from '~/lib/product-actions.server';
import type { Availability } from '~/lib/types';
import { Notice } from './notice';

interface Props {
  productId: number;
  availability: Availability;
  /** The answer of a post without JavaScript (with it, the fetcher holds the answer). */
  result: AddResult | undefined;
}

/** Adds to the cart without leaving the page; without JavaScript the same form posts and the page is redrawn. */
export function AddToCart({ productId, availability, result }: Props) {
  const fetcher = useFetcher<AddResult>({ key: `add-to-cart-${productId}` });
  const answer = fetcher.data ?? result;
  const busy = fetcher.state !== 'idle';
  const soldOut = availability === 'out_of_stock';
  return (
    <fetcher.Form method="post" className="space-y-3" aria-label="Add to cart">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="quantity" className="label">
            Quantity
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            required
            defaultValue={answer && !answer.ok ? answer.quantity : '1'}
            aria-invalid={answer && !answer.ok ? true : undefined}
            aria-describedby={answer && !answer.ok ? 'add-to-cart-error' : undefined}
            className="input w-24"
            disabled={soldOut}
          />
        </div>
        <button type="submit" className="btn-primary flex-1 py-2.5 sm:flex-none" disabled={soldOut || busy}>
          {soldOut ? 'Out of stock' : busy ? 'Adding…' : 'Add to cart'}
        </button>
      </div>
      <div aria-live="polite">
        {answer && !busy ? (
          answer.ok ? (
            <Notice tone="success">
              Added {answer.quantity} to your cart.{' '}
              <Link to="/cart" className="font-semibold underline">
                View cart
              </Link>
            </Notice>
          ) : (
            <div id="add-to-cart-error">
              <Notice tone="error">{answer.error}</Notice>
            </div>
          )
        ) : null}
      </div>
    </fetcher.Form>
  );
}
