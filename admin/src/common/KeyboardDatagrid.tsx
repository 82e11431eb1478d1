import type { SxProps, Theme } from '@mui/material';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import {
  Datagrid,
  DatagridBody,
  type DatagridProps,
  DatagridRow,
  type DatagridRowProps,
  useGetRecordRepresentation,
  useRecordContext,
  useResourceContext,
  useResourceDefinition,
} from 'react-admin';

/**
 * Enter or Space on the row itself does what a click does (open the record). Keys pressed on a control inside the
 * row (a checkbox, a button, a link) are that control's own.
 */
export function activateRowOnKey(event: KeyboardEvent<HTMLElement>) {
  if (event.target !== event.currentTarget) return;
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault(); // Space would scroll the page
  event.currentTarget.click();
}

/**
 * react-admin's row, focusable when it opens something, and with a selection checkbox named after its record.
 * (DatagridRow puts its aria-label on the checkbox's wrapper, not on the input a screen reader announces.)
 */
function KeyboardDatagridRow(props: DatagridRowProps) {
  const record = useRecordContext(props);
  const resource = useResourceContext(props);
  const definition = useResourceDefinition({ resource });
  const representation = useGetRecordRepresentation(resource);
  const ref = useRef<HTMLTableRowElement>(null);
  const opens =
    props.rowClick !== false && (props.rowClick != null || definition.hasEdit || definition.hasShow);
  const name = record ? String(representation(record)) : '';

  useEffect(() => {
    ref.current
      ?.querySelector('input.select-item, .select-item input')
      ?.setAttribute('aria-label', `Select ${name}`);
  });

  return (
    <DatagridRow {...props} ref={ref} {...(opens ? { tabIndex: 0, onKeyDown: activateRowOnKey } : {})} />
  );
}

const focusStyle: SxProps<Theme> = {
  '& .RaDatagrid-row:focus-visible': {
    outline: '2px solid',
    outlineColor: 'primary.main',
    outlineOffset: '-2px',
  },
};

/**
 * The Datagrid of every list: rows reachable with Tab and opened with Enter or Space (issue: "table rows reachable
 * and operable by keyboard"), with a visible focus ring.
 */
export function KeyboardDatagrid({ sx, ...props }: DatagridProps) {
  return (
    <Datagrid
      body={<DatagridBody row={<KeyboardDatagridRow />} />}
      sx={[focusStyle, ...(Array.isArray(sx) ? sx : [sx])]}
      {...props}
    />
  );
}
