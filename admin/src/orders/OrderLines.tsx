import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { formatMoney } from '../money/money';

/** The lines, then the totals the API computed (subtotal, shipping, tax, total, refunded). */
export function OrderLines() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const totals: [string, number][] = [
    ['Subtotal', order.subtotalAmount],
    ['Shipping', order.shippingAmount],
    ['Tax', order.taxAmount],
    ['Total', order.totalAmount],
  ];
  if (order.refundedAmount > 0) totals.push(['Refunded', -order.refundedAmount]);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Product</TableCell>
          <TableCell align="right">Unit price</TableCell>
          <TableCell align="right">Quantity</TableCell>
          <TableCell align="right">Line total</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.items.map((line) => (
          <TableRow key={`${line.productId}-${line.title}`}>
            <TableCell>
              {line.title} <small>#{line.productId}</small>
            </TableCell>
            <TableCell align="right">{money(line.unitPriceAmount)}</TableCell>
            <TableCell align="right">{line.quantity}</TableCell>
            <TableCell align="right">{money(line.lineTotalAmount)}</TableCell>
          </TableRow>
        ))}
        {totals.map(([label, amount]) => (
          <TableRow key={label}>
            <TableCell colSpan={3} align="right" sx={{ fontWeight: label === 'Total' ? 'bold' : undefined }}>
              {label}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: label === 'Total' ? 'bold' : undefined }}>
              {money(amount)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
