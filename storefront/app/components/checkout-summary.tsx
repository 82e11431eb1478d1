import { Link } from 'react-router';
import { countryName } from '~/lib/countries';
import { formatMoney } from '~/lib/format';
import type { CartView } from '~/lib/types';
import { Totals } from './totals';

/** The cart as it will be ordered, with the totals for the chosen shipping country. */
export function CheckoutSummary({ cart, loading }: { cart: CartView; loading: boolean }) {
  const { country } = cart.totals;
  return (
    <section
      aria-labelledby="summary-heading"
      className="card h-fit space-y-4"
      aria-busy={loading || undefined}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Order summary
        </h2>
        <Link to="/cart" className="btn-link">
          Edit cart
        </Link>
      </div>
      <ul className="space-y-2 text-sm">
        {cart.items.map((line) => (
          <li key={line.id} className="flex justify-between gap-4">
            <span>
              {line.title} <span className="text-slate-700">× {line.quantity}</span>
            </span>
            <span>{formatMoney(line.lineTotalAmount, cart.currency)}</span>
          </li>
        ))}
      </ul>
      <div className={loading ? 'opacity-60' : ''}>
        <Totals {...cart.totals} />
      </div>
      <p className="text-xs text-slate-700" role="status">
        {loading
          ? 'Updating totals…'
          : country
            ? `Tax for shipping to ${countryName(country)}.`
            : 'Choose the shipping country to see its tax.'}
      </p>
    </section>
  );
}
