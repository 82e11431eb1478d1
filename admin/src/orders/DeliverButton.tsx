import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useState } from 'react';
import { Button } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

export function DeliverButton({ orderId }: { orderId: number }) {
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="Delivered" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
      <ActionDialog
        open={open}
        title="Mark delivered?"
        confirmLabel="Delivered"
        onClose={() => setOpen(false)}
        onConfirm={() => run(() => dataProvider.deliverOrder(orderId), 'Order delivered')}
      >
        For carriers that send no delivery webhook. The shopper is emailed.
      </ActionDialog>
    </>
  );
}
