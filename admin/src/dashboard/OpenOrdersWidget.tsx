import { Chip } from '@mui/material';
import { Link } from 'react-admin';
import { type OpenOrders, useAnalytics } from './analytics';
import { FiguresTable } from './FiguresTable';
import { Widget } from './Widget';

const ordersWithStatus = (status: string) =>
  `/orders?filter=${encodeURIComponent(JSON.stringify({ status }))}`;

/** Orders still moving, per status, and how many have not moved for a day: support's backlog. */
export function OpenOrdersWidget() {
  const open = useAnalytics<OpenOrders>('open-orders', {});
  const data = open.data;
  return (
    <Widget title="Open orders" pending={open.isPending} error={open.error}>
      {data ? (
        <FiguresTable
          caption={`Open orders; stuck: not updated for ${data.stuckAfterHours} hours`}
          rows={data.statuses}
          rowKey={(s) => s.status}
          columns={[
            {
              label: 'Status',
              value: (s) => <Link to={ordersWithStatus(s.status)}>{s.status.replace('_', ' ')}</Link>,
            },
            { label: 'Orders', value: (s) => s.count, numeric: true },
            {
              label: `Stuck (> ${data.stuckAfterHours} h)`,
              value: (s) => (s.stuck ? <Chip size="small" color="warning" label={s.stuck} /> : 0),
              numeric: true,
            },
          ]}
        />
      ) : null}
    </Widget>
  );
}
