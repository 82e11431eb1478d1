import { Button } from '@mui/material';
import { useNotify } from 'react-admin';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import type { AdminOrder } from '../data/types';

/** The invoice goes through the API with the bearer token (no bare link would carry it), then saves as a file. */
export function InvoiceButton({ order }: { order: AdminOrder }) {
  const dataProvider = useMarketDataProvider();
  const notify = useNotify();
  const download = async () => {
    try {
      const blob = await dataProvider.orderInvoice(order.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${order.invoice?.number ?? order.number}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Download failed', { type: 'error' });
    }
  };
  return (
    <Button size="small" onClick={() => void download()}>
      Invoice {order.invoice?.number}
    </Button>
  );
}
