import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';

/** The address snapshot as stored with the order, one field a line, in the order the API sends them. */
export function OrderAddress() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  const lines = Object.values(order.shippingAddress).filter(
    (value): value is string | number => typeof value === 'string' || typeof value === 'number',
  );
  return (
    <Typography variant="body2" component="address" sx={{ fontStyle: 'normal', whiteSpace: 'pre-line' }}>
      {lines.join('\n') || '—'}
    </Typography>
  );
}
