import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';

/** "Stuck: capture" beside the status while a step waits for support; nothing otherwise. */
export function StuckBadge() {
  const order = useRecordContext<AdminOrder>();
  const step = order?.process?.stuck;
  if (!step) return null;
  return <Chip size="small" color="warning" label={`Stuck: ${step}`} aria-describedby="order-stuck-help" />;
}
