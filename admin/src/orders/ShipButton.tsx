import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { Button } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

const TRACKING = /^[A-Za-z0-9-]{1,128}$/;

export function ShipButton({ orderId }: { orderId: number }) {
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const urlOk = trackingUrl === '' || trackingUrl.startsWith('https://');
  return (
    <>
      <Button label="Ship" onClick={() => setOpen(true)}>
        <LocalShippingIcon />
      </Button>
      <ActionDialog
        open={open}
        title="Mark shipped"
        confirmLabel="Ship"
        onClose={() => setOpen(false)}
        disabled={!carrier.trim() || !TRACKING.test(trackingNumber) || !urlOk}
        onConfirm={() =>
          run(
            () => dataProvider.shipOrder(orderId, { carrier: carrier.trim(), trackingNumber, trackingUrl }),
            'Order shipped: the shopper gets a tracking email',
          )
        }
      >
        <TextField label="Carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} required />
        <TextField
          label="Tracking number"
          value={trackingNumber}
          onChange={(e) => setTrackingNumber(e.target.value.trim())}
          helperText="Letters, digits and dashes"
          required
        />
        <TextField
          label="Tracking page (https)"
          value={trackingUrl}
          onChange={(e) => setTrackingUrl(e.target.value.trim())}
          error={!urlOk}
        />
      </ActionDialog>
    </>
  );
}
