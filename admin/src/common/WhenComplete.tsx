import { LinearProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { type RaRecord, useRecordContext } from 'react-admin';

/**
 * Renders its children once the record in context is the full one. react-admin may show a record
 * from the list's cache while the detail loads; a list row lacks the detail's nested fields (an
 * order's lines, refunds, timeline), so sections that read them wait for `isComplete`.
 */
export function WhenComplete({
  isComplete,
  children,
  fallback = <LinearProgress aria-label="Loading details" />,
}: {
  isComplete: (record: RaRecord) => boolean;
  children: ReactNode;
  /** What shows meanwhile: a progress bar unless told otherwise. */
  fallback?: ReactNode;
}) {
  const record = useRecordContext();
  if (!record || !isComplete(record)) return <>{fallback}</>;
  return <>{children}</>;
}
