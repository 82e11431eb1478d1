import CancelIcon from '@mui/icons-material/Cancel';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { Button } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

export function CancelButton({ orderId }: { orderId: number }) {
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button label="Cancel order" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <ActionDialog
        open={open}
        title="Cancel this order?"
        confirmLabel="Cancel order"
        danger
        onClose={() => setOpen(false)}
        disabled={!reason.trim() || reason.trim().length > 255}
        onConfirm={() =>
          run(() => dataProvider.cancelOrder(orderId, { reason: reason.trim() }), 'Order cancelled')
        }
      >
        Unpaid: the payment is voided. Paid: everything captured is refunded. The stock goes back on the shelf
        and the shopper is emailed.
        <TextField
          label="Reason (kept for staff)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          multiline
        />
      </ActionDialog>
    </>
  );
}
