import { Box, Link, Stack, Typography } from '@mui/material';
import { DateField, Labeled, TextField, useRecordContext } from 'react-admin';
import { StatusField } from '../common/StatusField';
import type { AdminOrder } from '../data/types';
import { InvoiceButton } from './InvoiceButton';
import { StuckBadge } from './StuckBadge';
import { StuckHelp } from './StuckHelp';

/** Who, when, where it stands, and the way into its workflow. */
export function OrderSummary() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="Status">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <StatusField source="status" />
            <StuckBadge />
          </Stack>
        </Labeled>
        <Labeled label="Placed">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Email">
          <TextField source="email" />
        </Labeled>
        <Labeled label="Customer">
          <Typography variant="body2">
            {order.customer ? `${order.customer.name} (#${order.customer.id})` : 'Guest'}
          </Typography>
        </Labeled>
        {order.failureReason ? (
          <Labeled label="Failure">
            <TextField source="failureReason" />
          </Labeled>
        ) : null}
        {order.cancelReason ? (
          <Labeled label="Cancelled">
            <TextField source="cancelReason" />
          </Labeled>
        ) : null}
        <Labeled label="Process">
          <Typography variant="body2">{order.process?.phase ?? 'finished'}</Typography>
        </Labeled>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Link href={order.temporalUrl} target="_blank" rel="noreferrer">
            Workflow in Temporal
          </Link>
          {order.invoice ? <InvoiceButton order={order} /> : null}
        </Box>
      </Stack>
      <StuckHelp />
    </Stack>
  );
}
