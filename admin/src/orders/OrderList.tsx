import { DateField, List, TextField } from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';
import { StatusField } from '../common/StatusField';
import { MoneyField } from '../money/MoneyField';
import { orderFilters } from './orderFilters';
import { OrderStatusTabs } from './OrderStatusTabs';

export function OrderList() {
  return (
    <List filters={orderFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <OrderStatusTabs />
      <KeyboardDatagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <DateField source="createdAt" label="Placed" showTime />
        <TextField source="email" />
        <StatusField source="status" />
        <MoneyField source="totalAmount" label="Total" textAlign="right" />
        <TextField source="failureReason" emptyText="" sortable={false} />
      </KeyboardDatagrid>
    </List>
  );
}
