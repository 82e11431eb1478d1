import { countryName } from '~/lib/countries';
import { formatMoney } from '~/lib/format';

interface Props {
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
  currency: string;
  taxRateBps?: number;
  country?: string | null;
  refundedAmount?: number;
}

/** Subtotal, shipping, tax and total as the API computed them (the shop never adds money up itself). */
export function Totals(props: Props) {
  const { subtotalAmount, shippingAmount, taxAmount, totalAmount, currency, taxRateBps, country } = props;
  const money = (amount: number) => formatMoney(amount, currency);
  const freeShipping = shippingAmount === 0 && subtotalAmount > 0;
  const rate = taxRateBps ? ` (${taxRateBps / 100}%${country ? `, ${countryName(country)}` : ''})` : '';
  return (
    <div>
      <dl className="space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-slate-700">Subtotal</dt>
          <dd>{money(subtotalAmount)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-slate-700">Shipping</dt>
          <dd>{freeShipping ? 'Free' : money(shippingAmount)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-slate-700">Tax{rate}</dt>
          <dd>{money(taxAmount)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-bold">
          <dt>Total</dt>
          <dd>{money(totalAmount)}</dd>
        </div>
        {props.refundedAmount ? (
          <div className="flex justify-between gap-4 text-emerald-800">
            <dt>Refunded</dt>
            <dd>−{money(props.refundedAmount)}</dd>
          </div>
        ) : null}
      </dl>
      {freeShipping ? <p className="mt-2 text-sm text-emerald-800">Shipping is free on this order.</p> : null}
    </div>
  );
}
