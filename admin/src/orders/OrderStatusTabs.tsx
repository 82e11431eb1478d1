import { Tab, Tabs } from '@mui/material';
import { useGetList, useListContext } from 'react-admin';
import { filterForTab, STATUS_TABS, type StatusTab, tabOf } from './statusTabs';

/** How many orders a tab holds under the list's other filters (the API counts: one row asked for, the total read). */
function TabLabel({ tab, filter }: { tab: StatusTab; filter: Record<string, unknown> }) {
  const { total } = useGetList('orders', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'DESC' },
    filter: filterForTab(filter, tab),
  });
  return (
    <span>
      {tab.label}
      {total === undefined ? '' : ` (${total.toLocaleString()})`}
    </span>
  );
}

/** Tabs above the order list: to ship, awaiting payment, shipped, delivered, closed, all. */
export function OrderStatusTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = tabOf(filterValues.status);
  return (
    <Tabs
      value={current}
      onChange={(_event, id: string) => {
        const tab = STATUS_TABS.find((t) => t.id === id)!;
        setFilters(filterForTab(filterValues, tab), displayedFilters);
      }}
      variant="scrollable"
      scrollButtons="auto"
      aria-label="Orders by status"
    >
      {STATUS_TABS.map((tab) => (
        <Tab key={tab.id} value={tab.id} label={<TabLabel tab={tab} filter={filterValues} />} />
      ))}
    </Tabs>
  );
}
