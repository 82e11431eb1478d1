import { Link, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function OrderShipment() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  const { shipment } = order;
  if (!shipment) return <Typography variant="body2">Not shipped.</Typography>;
  const tracking = shipment.trackingNumber ?? '—';
  return (
    <Typography variant="body2" component="div">
      {shipment.carrier}{' '}
      {shipment.trackingUrl ? (
        <Link href={shipment.trackingUrl} target="_blank" rel="noreferrer">
          {tracking}
        </Link>
      ) : (
        tracking
      )}{' '}
      — {shipment.status}; shipped {when(shipment.shippedAt)}, delivered {when(shipment.deliveredAt)}
    </Typography>
  );
}
