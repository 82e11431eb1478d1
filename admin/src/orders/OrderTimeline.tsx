import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminOrder, TimelineEntry } from '../data/types';
import { timelineDetails } from './timelineDetails';

const transition = (entry: TimelineEntry) =>
  entry.fromStatus || entry.toStatus ? `${entry.fromStatus ?? '…'} → ${entry.toStatus ?? '…'}` : '';

/** Every recorded event, staff notes included (`by` is `customer` or `staff:<email>`). */
export function OrderTimeline() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Event</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Details</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.timeline.map((entry, i) => (
          <TableRow key={`${entry.occurredAt}-${i}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(entry.occurredAt).toLocaleString()}</TableCell>
            <TableCell>{entry.type.replace(/_/g, ' ')}</TableCell>
            <TableCell>{transition(entry)}</TableCell>
            <TableCell>
              {timelineDetails(entry.data, order.currency).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
