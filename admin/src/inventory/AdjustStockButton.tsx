import TuneIcon from '@mui/icons-material/Tune';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../data/types';
import { adjustmentProblem } from './adjustment';

/** A signed change to the units on hand, with its reason; it lands in the stock ledger under your name. */
export function AdjustStockButton() {
  const record = useRecordContext<{ id: number; productTitle: string; onHand: number; reserved: number }>();
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('restock');
  const [reference, setReference] = useState('');
  if (!record) return null;
  const problem = adjustmentProblem(delta, reason);
  return (
    <>
      <Button
        label="Adjust"
        onClick={(event) => {
          event.stopPropagation(); // not the row's click
          setDelta('');
          setReference('');
          setOpen(true);
        }}
      >
        <TuneIcon />
      </Button>
      <ActionDialog
        open={open}
        title={`Adjust stock: ${record.productTitle}`}
        confirmLabel="Adjust"
        onClose={() => setOpen(false)}
        disabled={problem !== null}
        onConfirm={() =>
          run(
            () =>
              dataProvider.adjustStock(record.id, {
                delta: Number(delta),
                reason,
                reference: reference.trim() || undefined,
              }),
            'Stock adjusted',
          )
        }
      >
        {record.onHand} on hand, {record.reserved} reserved by orders.
        <TextField
          label="Change (+ or −)"
          value={delta}
          onChange={(e) => setDelta(e.target.value.trim())}
          error={delta !== '' && problem !== null}
          helperText={(delta !== '' && problem) || ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          required
        />
        <TextField
          select
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value as AdjustmentReason)}
        >
          {ADJUSTMENT_REASONS.map((r) => (
            <MenuItem key={r} value={r}>
              {r}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Reference (delivery note, count…)"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </ActionDialog>
    </>
  );
}
