import { Chip, type ChipProps } from '@mui/material';
import { type FieldProps, useRecordContext } from 'react-admin';

const COLORS: Record<string, ChipProps['color']> = {
  pending: 'default',
  awaiting_payment: 'warning',
  paid: 'info',
  processing: 'info',
  shipped: 'primary',
  delivered: 'success',
  cancelled: 'default',
  refunded: 'secondary',
  failed: 'error',
  draft: 'default',
  active: 'success',
  archived: 'default',
  approved: 'success',
  rejected: 'error',
};

/** A status as a coloured chip: `awaiting_payment` → "awaiting payment". */
export function StatusField({ source = 'status' }: FieldProps & { source?: string }) {
  const record = useRecordContext();
  const status: unknown = record?.[source];
  if (typeof status !== 'string') return null;
  return <Chip size="small" label={status.replace(/_/g, ' ')} color={COLORS[status] ?? 'default'} />;
}
