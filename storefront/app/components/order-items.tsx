import { formatMoney } from '~/lib/format';
import type { Order } from '~/lib/types';
import { Totals } from './totals';

/** What was ordered, at the prices of the order, and its totals. */
export function OrderItems({ order }: { order: Order }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 text-sm">
        {order.items.map((item) => (
          <li key={item.productId} className="flex justify-between gap-4 py-2">
            <span>
              <span className="font-medium">{item.title}</span>
              <span className="block text-slate-700">
                {item.quantity} × {money(item.unitPriceAmount)}
              </span>
            </span>
            <span className="font-medium">{money(item.lineTotalAmount)}</span>
          </li>
        ))}
      </ul>
      <Totals
        subtotalAmount={order.subtotalAmount}
        shippingAmount={order.shippingAmount}
        taxAmount={order.taxAmount}
        totalAmount={order.totalAmount}
        currency={order.currency}
        country={order.shippingAddress.country}
        refundedAmount={order.refundedAmount}
      />
    </div>
  );
}
