import { Datagrid, DateField, List, TextField } from 'react-admin';
import { StatusField } from '../common/StatusField';
import { MoneyField } from '../money/MoneyField';
import { orderFilters } from './orderFilters';

export function OrderList() {
  return (
    <List filters={orderFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <DateField source="createdAt" label="Placed" showTime />
        <TextField source="email" />
        <StatusField source="status" />
        <MoneyField source="totalAmount" label="Total" textAlign="right" />
        <TextField source="failureReason" emptyText="" sortable={false} />
      </Datagrid>
    </List>
  );
}
