import {
  Chip,
  type ChipProps,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder, OrderEmail } from '../data/types';

const COLORS: Record<OrderEmail['status'], ChipProps['color']> = {
  pending: 'default',
  sent: 'success',
  failed: 'error',
};

/** `order_confirmation` → "order confirmation". */
const templateName = (template: string) => template.replace(/_/g, ' ');

/** The emails the order sent, oldest first: what, to whom, and whether the mail server took it. */
export function OrderEmails() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  if (order.emails.length === 0) return <Typography variant="body2">No emails yet.</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Email</TableCell>
          <TableCell>To</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>First tried</TableCell>
          <TableCell>Sent</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.emails.map((email) => (
          <TableRow key={email.id}>
            <TableCell>{templateName(email.template)}</TableCell>
            <TableCell>{email.to}</TableCell>
            <TableCell>
              <Chip size="small" label={email.status} color={COLORS[email.status]} />
              {email.error ? (
                <Typography variant="caption" component="div" color="error">
                  {email.error}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{new Date(email.createdAt).toLocaleString()}</TableCell>
            <TableCell>{email.sentAt ? new Date(email.sentAt).toLocaleString() : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
