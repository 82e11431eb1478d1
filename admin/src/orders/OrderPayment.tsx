import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { formatMoney } from '../money/money';

export function OrderPayment() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  const { payment } = order;
  if (!payment) return <Typography variant="body2">No payment yet.</Typography>;
  return (
    <Typography variant="body2" component="div">
      {formatMoney(payment.amount, payment.currency)} via {payment.provider}:{' '}
      <strong>{payment.status}</strong>
      {payment.decline ? ` — declined: ${payment.decline.message} (${payment.decline.code})` : null}
    </Typography>
  );
}
