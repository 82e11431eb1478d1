import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

export function RetryButton({ orderId, step }: { orderId: number; step: string }) {
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label={`Retry ${step}`} onClick={() => setOpen(true)}>
        <ReplayIcon />
      </Button>
      <ActionDialog
        open={open}
        title={`Run the ${step} step again?`}
        confirmLabel="Retry"
        onClose={() => setOpen(false)}
        onConfirm={() => run(() => dataProvider.retryOrder(orderId), `The ${step} step ran again`)}
      >
        It ran out of retries. Check why in Temporal before retrying.
      </ActionDialog>
    </>
  );
}
