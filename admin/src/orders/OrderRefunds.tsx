import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { formatMoney } from '../money/money';

export function OrderRefunds() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  if (order.refunds.length === 0) return <Typography variant="body2">No refunds.</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell align="right">Amount</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.refunds.map((refund) => (
          <TableRow key={refund.id}>
            <TableCell>{new Date(refund.createdAt).toLocaleString()}</TableCell>
            <TableCell align="right">{formatMoney(refund.amount, refund.currency)}</TableCell>
            <TableCell>{refund.status}</TableCell>
            <TableCell>{refund.reason ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
