import { formatDate } from '~/lib/format';
import type { Order } from '~/lib/types';

const STATUS = {
  pending: 'Being prepared',
  shipped: 'Shipped',
  in_transit: 'On its way',
  delivered: 'Delivered',
  returned: 'Returned to us',
} as const;

/** The parcel's carrier, tracking number and dates. */
export function Parcel({ shipment }: { shipment: NonNullable<Order['shipment']> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-700">Status</dt>
      <dd className="font-medium">{STATUS[shipment.status]}</dd>
      <dt className="text-slate-700">Carrier</dt>
      <dd>{shipment.carrier}</dd>
      {shipment.trackingNumber ? (
        <>
          <dt className="text-slate-700">Tracking number</dt>
          <dd>
            {shipment.trackingUrl ? (
              <a href={shipment.trackingUrl} className="btn-link" target="_blank" rel="noreferrer noopener">
                {shipment.trackingNumber}
                <span className="sr-only"> (track your parcel, opens in a new tab)</span>
              </a>
            ) : (
              shipment.trackingNumber
            )}
          </dd>
        </>
      ) : null}
      {shipment.shippedAt ? (
        <>
          <dt className="text-slate-700">Shipped</dt>
          <dd>{formatDate(shipment.shippedAt)}</dd>
        </>
      ) : null}
      {shipment.deliveredAt ? (
        <>
          <dt className="text-slate-700">Delivered</dt>
          <dd>{formatDate(shipment.deliveredAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}
