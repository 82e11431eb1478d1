import { Alert } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';

type StuckStep = NonNullable<NonNullable<AdminOrder['process']>['stuck']>;

/** What the stuck step means for the order while it waits (docs/support.md, "retry"). */
const MEANS: Record<StuckStep, string> = {
  capture: 'The payment is authorized but not captured; the authorization is still held.',
  invoice: 'Fulfilment goes on without the invoice.',
};

/** What to do about a step that ran out of retries: one line under the order's summary. */
export function StuckHelp() {
  const order = useRecordContext<AdminOrder>();
  const step = order?.process?.stuck;
  if (!step) return null;
  return (
    <Alert severity="warning" id="order-stuck-help">
      The {step} step ran out of retries. {MEANS[step]} Find the cause in Temporal, fix it, then use “Retry{' '}
      {step}” (docs/support.md, “retry”).
    </Alert>
  );
}
