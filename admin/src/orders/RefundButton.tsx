import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { InputAdornment, TextField } from '@mui/material';
import { useState } from 'react';
import { Button } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAction } from '../common/useAction';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import type { AdminOrder } from '../data/types';
import { formatMoney, parseMoney } from '../money/money';
import { refundableAmount } from './allowedActions';

/**
 * A refund of part or all of what is left. The Idempotency-Key is made when the dialog opens and kept until it
 * closes, so a second click, or a retry after a timeout, gets the first refund's answer instead of a second refund.
 */
export function RefundButton({ order }: { order: AdminOrder }) {
  const dataProvider = useMarketDataProvider();
  const run = useAction();
  const [key, setKey] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const left = refundableAmount(order);
  const minor = amount.trim() === '' ? undefined : parseMoney(amount, order.currency);
  const amountOk = minor === undefined || (minor !== null && minor > 0 && minor <= left);
  const open = () => {
    setKey(crypto.randomUUID());
    setAmount('');
    setReason('');
  };
  return (
    <>
      <Button label="Refund" onClick={open}>
        <CurrencyExchangeIcon />
      </Button>
      <ActionDialog
        open={key !== null}
        title="Refund"
        confirmLabel={
          minor
            ? `Refund ${formatMoney(minor, order.currency)}`
            : `Refund ${formatMoney(left, order.currency)}`
        }
        danger
        onClose={() => setKey(null)}
        disabled={!amountOk || reason.length > 255}
        onConfirm={() =>
          run(
            () =>
              dataProvider.refundOrder(
                order.id,
                {
                  ...(typeof minor === 'number' ? { amount: minor } : { full: true as const }),
                  reason: reason.trim() || undefined,
                },
                key ?? crypto.randomUUID(),
              ),
            'Refund sent to the payment provider',
          )
        }
      >
        {formatMoney(left, order.currency)} left to refund. Leave the amount empty to refund all of it.
        <TextField
          label="Amount"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={!amountOk}
          helperText={amountOk ? ' ' : `At most ${formatMoney(left, order.currency)}, like 12.50`}
          slotProps={{
            htmlInput: { inputMode: 'decimal' },
            input: { startAdornment: <InputAdornment position="start">{order.currency}</InputAdornment> },
          }}
        />
        <TextField
          label="Reason (kept for staff)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ActionDialog>
    </>
  );
}
